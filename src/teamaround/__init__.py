"""TeamAround: multi-agency early help and children's services for English councils."""

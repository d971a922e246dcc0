"""`{% record_actions "people.family" family as actions %}`: the actions other apps offer on a
record's page (see core.navigation.register_action), for the signed-in user."""

from django import template

from teamaround.core.navigation import actions_for

register = template.Library()


@register.simple_tag(takes_context=True)
def record_actions(context, record: str, obj):
    request = context.get("request")
    return actions_for(record, getattr(request, "user", None), obj)

from teamaround.cli import main

main()

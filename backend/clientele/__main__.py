from clientele.cli import main

main()

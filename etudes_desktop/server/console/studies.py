"""stub"""


def routes() -> list:
    return []

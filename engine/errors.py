"""The one error type for bad content: it stops the build and names the file at fault.
(hooks/build.py turns it into MkDocs' PluginError: engine/ imports no MkDocs.)"""


class ContentError(Exception):
    """Something in docs/ or data/ is wrong; the message says which file and what."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UnknownKeyError(KeyError):
    """A page asked for a treatment, column or reference that the data does not have."""

    def __init__(self, kind: str, key: object, known: list[str]) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"unknown {kind} '{key}' (known: {', '.join(known)})")

    def __str__(self) -> str:  # KeyError would otherwise wrap the message in quotes
        return str(self.args[0])

"""Why an embedder cannot be used here."""


class EmbedderUnavailable(RuntimeError):
    """The embedder's optional packages or model files are not installed."""

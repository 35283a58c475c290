"""MkDocs integration: the `digest` plugin, its shortcuts and the search back ends."""

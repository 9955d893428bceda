"""The web dossier (`sitrep serve`): server-rendered pages, their JSON twins, feeds, uploads."""

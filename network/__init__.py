"""The network: the aidants' directory for professionals and shared practice sheets."""

"""Conversation flows as data (YAML), their schema, loader and the Babel extractor for their texts."""

"""The drill handbook generator: drill files in, site pages out."""

"""What each chapter notebook shows, for a language: glued text, tables and figures, computed from the package."""

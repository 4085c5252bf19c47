"""Student notebooks (issue 21): one language, prose written at run time, the zip, and `make lab`."""

"""Build and install kpixl.xlam, the Excel add-in, from text sources without Excel."""

"""Council reports rebuilt as workbooks from their text, for the tests."""

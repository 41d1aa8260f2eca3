Here is the change:

```python
# ... existing code ...
def main():
    print(Repo().load("USER"))
```

This reads USER instead.

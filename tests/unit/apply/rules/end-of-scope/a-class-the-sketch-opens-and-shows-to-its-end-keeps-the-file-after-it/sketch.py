class LifoQueue(Queue):
    # ... existing code ...

    def _get(self):
        if not self.queue:
            raise IndexError("empty")
        return self.queue.pop()

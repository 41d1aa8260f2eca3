"""
# ... existing code ...
def main():
    print(os.getcwd(), flush=True)

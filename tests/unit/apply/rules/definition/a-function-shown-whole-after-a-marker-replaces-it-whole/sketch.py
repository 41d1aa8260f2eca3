# ... existing code ...
def main():
    repo = Repo()
    print(repo.load('USER'))

class Backend:
    @classmethod
    @abstractmethod
    def current_task(cls) -> TaskInfo:
        return current()

    @classmethod
    @abstractmethod
    def running_tasks(cls) -> Sequence[TaskInfo]:
        pass

    @classmethod
    @abstractmethod
    def wait_all(cls) -> None:
        pass

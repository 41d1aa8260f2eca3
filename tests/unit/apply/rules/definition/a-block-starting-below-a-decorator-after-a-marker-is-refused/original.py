class Backend:
    @classmethod
    @abstractmethod
    def current_task(cls) -> TaskInfo:
        pass

    @classmethod
    @abstractmethod
    def running_tasks(cls) -> list[TaskInfo]:
        pass

    @classmethod
    @abstractmethod
    def wait_all(cls) -> None:
        pass

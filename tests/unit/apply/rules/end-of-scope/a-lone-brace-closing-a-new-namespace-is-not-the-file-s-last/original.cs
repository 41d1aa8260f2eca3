using System;
using System.Collections.Generic;

public class OrderService
{
    private readonly IOrderRepository _repo;

    public OrderService(IOrderRepository repo)
    {
        _repo = repo;
    }

    public Order Get(Guid id) => _repo.Find(id);
}

def shipping_cost(order):
    # Heavy parcels go by freight.
    weight = sum(item.weight for item in order.items)
    rate = FREIGHT_RATE if weight > 30 else PARCEL_RATE
    return weight * rate

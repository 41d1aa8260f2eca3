class Receipt
  # ... existing code ...

  def total_with_tax(rate)
    total * (1 + rate)
  end
end

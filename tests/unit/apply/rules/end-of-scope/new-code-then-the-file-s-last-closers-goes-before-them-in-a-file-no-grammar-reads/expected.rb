class Receipt
  attr_reader :lines

  def initialize(lines)
    @lines = lines
  end

  def total
    lines.sum(&:amount)
  end

  def total_with_tax(rate)
    total * (1 + rate)
  end
end

  def publish!
    update!(status: "published", published_at: Time.current)
  end

  def reading_time
    (body.split.size / 230.0).ceil
  end

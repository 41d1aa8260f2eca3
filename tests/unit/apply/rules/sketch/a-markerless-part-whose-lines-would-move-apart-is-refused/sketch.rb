  def recent
    posts = Rails.cache.fetch("posts/recent", expires_in: 30.minutes) do
      Post.published
        .order(published_at: :desc)
        .limit(10)
        .to_a
    end
    render json: posts
  end

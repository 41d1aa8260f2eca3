class PostsController < ApplicationController
  def index
    @posts = Post.published.order(published_at: :desc).limit(20)
  end

  def recent
    posts = Rails.cache.fetch("posts/recent", expires_in: 10.minutes) do
      Post.published
          .order(published_at: :desc)
          .limit(10)
          .to_a
    end
    render json: posts
  end

  def show
    @post = Post.find(params[:id])
  end

  def archive
    @posts = Post.archived
  end
end

class Article < ApplicationRecord
  def author_name
    @author_name ||= compute_author_name
  end

  def summary
    @summary ||= compute_summary
  end

  def slug
    @slug ||= compute_slug
  end

  def tag_list
    @tag_list ||= compute_tag_list
  end

  def word_count
    @word_count ||= compute_word_count
  end

  def cover_url
    @cover_url ||= compute_cover_url
  end

  def publish!
    update!(status: "published", published_at: Time.current)
  end

  def draft?
    status == "draft"
  end

  def archived?
    status == "archived"
  end

  def reading_time
    (body.split.size / 200.0).ceil
  end
end

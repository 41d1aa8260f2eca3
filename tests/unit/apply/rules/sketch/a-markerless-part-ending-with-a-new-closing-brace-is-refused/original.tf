resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Env  = "prod"
    Team = "web"
  }
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
}

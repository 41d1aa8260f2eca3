urlpatterns = [
    path("health/", health),
    path("users/", list_users),

    # Admin
    path("admin/", admin.site.urls),
]

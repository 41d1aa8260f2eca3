urlpatterns = [
    path("health/", health),
    path("users/", list_users, name="users"),

    # Admin
    path("admin/", admin.site.urls),
]

app_name = "algorithms"
urlpatterns = []

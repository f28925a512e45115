def preview(request):
    raise NotImplementedError


upload_image = preview

"""The test project's views: the talk's view as written, and one of each kind of response."""
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import render


def lesson(request, lesson_id):
    # The view from the talk "Using Django with service workers", unchanged.
    if 'from_appshell' in request.GET:
        base_template = 'empty.html'
    else:
        base_template = 'base.html'
    return render(request, 'lesson.html', {'base_template': base_template, 'lesson_id': lesson_id})


def page(request):
    return render(request, 'page.html')


def account(request):
    return render(request, 'account.html')


def named(request):
    request.shellac.user(request.GET.get('id', '42'))
    return render(request, 'page.html')


def api_me(request):
    return JsonResponse({'user': request.user.username})


def stream(request):
    parts = ['<!doctype html><html><head>', '<title>Streamed &amp; ', 'slow</title>', '</head><body><p>one</p>', '<p>two</p></body></html>']
    return StreamingHttpResponse((p.encode() for p in parts), content_type='text/html; charset=utf-8')


def go(request, where):
    return HttpResponseRedirect(where if where.startswith('http') else '/' + where)


def titled(request):
    response = render(request, 'page.html')
    response['X-Shellac-Title'] = 'Own%20title'
    return response


def plain(request):
    return HttpResponse('plain')

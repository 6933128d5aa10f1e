"""The views of packages/server/src/testing/app.ts, as a Django app writes them."""
import json
import os

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

CASES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'protocol', 'vectors', 'header-cases.json')


def lesson(request):
    response = render(request, 'lesson.html')
    response['Vary'] = 'Cookie'
    return response


def account(request):
    request.shellac.user('42')
    return render(request, 'account.html')


@require_POST
def logout(request):
    request.shellac.logged_out()
    response = HttpResponse(status=303, content_type='text/plain; charset=utf-8')
    response['Location'] = '/'
    return response


def case(request, name):
    """Sends what the shared case says, once it has told Shellac what the case tells."""
    with open(CASES, encoding='utf-8') as f:
        found = next((c for c in json.load(f)['cases'] if c['name'] == name), None)
    if found is None:
        return HttpResponse('no case %s' % name, status=404, content_type='text/plain; charset=utf-8')
    for tell in found.get('tell', []):
        if tell[0] == 'user':
            request.shellac.user(tell[1])
        elif tell[0] == 'loggedOut':
            request.shellac.logged_out()
    return HttpResponse(found['body'], status=found['status'], headers=found['headers'])

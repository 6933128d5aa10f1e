"""The Songbook's pages. Most extend ``shellac_base_template``; the lesson page chooses its base
template by hand, with the view from the talk "Using Django with service workers", unchanged."""
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import Lesson, PracticeItem
from .ranges import range_response


def home(request):
    query = request.GET.get('q', '').strip()
    lessons = Lesson.objects.only('id', 'title', 'composer', 'genre', 'level')
    found = lessons.filter(Q(title__icontains=query) | Q(composer__icontains=query) | Q(genre__icontains=query)) if query else lessons
    return render(request, 'songbook/home.html', {'lessons': found, 'query': query, 'total': lessons.count()})


def lesson(request, lesson_id):
    lesson = get_object_or_404(Lesson.objects.defer('clip_wav', 'sheet_svg'), pk=lesson_id)
    in_list = request.user.is_authenticated and PracticeItem.objects.filter(user=request.user, lesson=lesson).exists()
    # The talk's template choice, as it was written for Soundslice:
    if 'from_appshell' in request.GET:
        base_template = 'empty.html'
    else:
        base_template = 'base.html'
    return render(request, 'songbook/lesson.html', {'lesson': lesson, 'in_list': in_list, 'base_template': base_template})


def sheet(request, lesson_id):
    lesson = get_object_or_404(Lesson.objects.only('sheet_svg', 'sheet_etag'), pk=lesson_id)
    return range_response(request, lesson.sheet_svg.encode('utf-8'), lesson.sheet_etag, 'image/svg+xml; charset=utf-8')


def clip(request, lesson_id):
    lesson = get_object_or_404(Lesson.objects.only('clip_wav', 'clip_etag'), pk=lesson_id)
    return range_response(request, bytes(lesson.clip_wav), lesson.clip_etag, 'audio/wav')


@require_POST
@login_required
def practice(request, lesson_id):
    lesson = get_object_or_404(Lesson, pk=lesson_id)
    PracticeItem.objects.get_or_create(user=request.user, lesson=lesson)
    return redirect('lesson', lesson_id=lesson.id)


@login_required
def account(request):
    items = request.user.practice.select_related('lesson')
    return render(request, 'songbook/account.html', {'practice': [item.lesson for item in items]})


def about(request):
    return render(request, 'songbook/about.html')


def on_this_device(request):
    return render(request, 'songbook/offline.html')

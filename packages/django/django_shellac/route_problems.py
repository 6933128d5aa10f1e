"""The problems of ``SHELLAC['routes']`` (``checkRoute`` of ``config-problems.ts``)."""
import re

from .config_rules import ONLY_FOR, ROUTE, STRATEGIES, check_keys, problem


def route_cache_name(route):
    """The runtime cache a route gets (``route-cache-name.ts`` of ``@shellac/protocol``)."""
    if route.get('cacheName') is not None:
        return route['cacheName']
    name = re.sub(r'^[a-z]+://', '', route['match'], flags=re.IGNORECASE)
    name = re.sub(r'^-|-$', '', re.sub(r'[^A-Za-z0-9]+', '-', name))[:64]
    return name or 'root'


def check_route(route, at, caches, found):
    """One route: its keys, the keys it must have, those its strategy ignores, its own cache."""
    if not isinstance(route, dict):
        found.append(problem(at, 'must be an object', route))
        return
    before = len(found)
    check_keys(route, at, ROUTE, found)
    for key in ('match', 'strategy'):
        if key not in route:
            found.append(problem('%s.%s' % (at, key), 'is required'))
    strategy = route.get('strategy')
    if strategy not in STRATEGIES:
        return
    for key, strategies in ONLY_FOR.items():
        if key in route and strategy not in strategies:
            found.append(problem('%s.%s' % (at, key), 'has no effect with strategy "%s" (it applies to %s)' % (strategy, ', '.join(strategies))))
    if len(found) > before or strategy == 'networkOnly':
        return
    name = route_cache_name(route)
    other = caches.get(name)
    if other is None:
        caches[name] = at
        return
    made = '' if route.get('cacheName') else ' (made from its match "%s")' % route['match']
    found.append(problem(at, 'uses cache "%s"%s, already the cache of %s: give each route its own cacheName, so each keeps its own limits' % (name, made, other)))


def routes(v, at, found):
    if not isinstance(v, (list, tuple)):
        return 'must be an array of routes'
    caches = {}
    for i, route in enumerate(v):
        check_route(route, '%s[%d]' % (at, i), caches, found)
    return None

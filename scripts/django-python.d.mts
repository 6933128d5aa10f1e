/** A python3 that imports Django (Debian's first; DJANGO_PYTHON names another), or undefined. */
export function findDjangoPython(): string | undefined;

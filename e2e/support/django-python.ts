// The Python that runs the Django Songbook: the one the repository's scripts use.
export { findDjangoPython } from '../../scripts/django-python.mjs';

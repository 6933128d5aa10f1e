"""The demo's SECRET_KEY: kept in a file beside the database, made on first start."""
import secrets


def secret_key(path):
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key + '\n')
        path.chmod(0o600)
        return key

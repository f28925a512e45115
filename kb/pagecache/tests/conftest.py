import pytest


@pytest.fixture
def redis_url():
    """The Redis the suite may use: REDIS_URL's in the Redis run, else the machine's own (as
    .ci/run starts it). Its absence fails the test that needs it, loudly."""
    import os

    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.fail(f"these tests need Redis at {url} (README, 'Development'): {error}")
    return url

"""The suite refuses to empty a database or Redis that is not explicitly a test one."""

import pytest

from tests.safety import UnsafeTestServices, services_for_tests


def test_the_apps_own_database_and_redis_are_never_used_and_leave_the_environment():
    env = {"DATABASE_URL": "postgresql://app@db/enlace", "REDIS_URL": "redis://cache:6379/0"}
    assert services_for_tests(env) == (None, None)
    assert env == {}


def test_a_test_database_and_redis_are_used():
    env = {"TEST_DATABASE_URL": "postgresql://postgres@127.0.0.1/enlace_ci_test",
           "TEST_REDIS_URL": "redis://127.0.0.1:6379/9"}
    assert services_for_tests(env) == (env["TEST_DATABASE_URL"], env["TEST_REDIS_URL"])


@pytest.mark.parametrize("env, says", [
    ({"TEST_DATABASE_URL": "postgresql://postgres@127.0.0.1/enlace"}, "must end in '_test'"),
    ({"TEST_DATABASE_URL": "postgresql://postgres@127.0.0.1/enlace_test",
      "DATABASE_URL": "postgresql://other@127.0.0.1:5432/enlace_test"}, "the app's own DATABASE_URL"),
    ({"TEST_REDIS_URL": "redis://127.0.0.1:6379/0", "REDIS_URL": "redis://127.0.0.1:6379"}, "the app's own REDIS_URL"),
])
def test_anything_else_is_refused_with_the_reason(env, says):
    with pytest.raises(UnsafeTestServices, match=says):
        services_for_tests(env)

# Gunicorn settings for Ancrage (production web service): `gunicorn -c deploy/gunicorn.conf.py ancrage.wsgi`.
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are small and mostly database-bound; two per core is a good start.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
timeout = 60
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
# The proxy's X-Request-Id reaches the app; access logs carry it, without query strings (no personal data).
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms req=%({x-request-id}i)s'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

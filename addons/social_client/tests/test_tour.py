# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime

from odoo.tests import HttpCase, tagged

from .common import SocialClientCommon


@tagged("post_install", "-at_install")
class TestClientTour(SocialClientCommon, HttpCase):
    """The registry as a social worker meets it: menus, form, save."""

    def test_register_client_from_the_menu(self):
        worker = self.user_staff
        self.start_tour("/odoo", "social_client_registration_tour", login=worker.login)
        client = self.Client.search([("nik", "=", "1871015508950003")])
        self.assertEqual(client.name, "Siti Tour Rahayu")
        self.assertEqual(client.gender, "female")
        self.assertEqual(client.birth_date, datetime.date(1995, 8, 15))
        self.assertEqual(client.social_worker_id, worker)
        self.assertTrue(client.registration_number.startswith("PPKS/"))
        self.assertEqual(client.district_id.code, "18.71.01")

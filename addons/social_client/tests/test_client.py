# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime
import re

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import SocialClientCommon, make_nik


@tagged("post_install", "-at_install")
class TestClientUniqueness(SocialClientCommon):
    def test_nik_unique_names_registration_number(self):
        first = self._create_client("Budi Santoso", "3201011505800001")
        number = re.escape(first.registration_number)
        self.assertRefused(
            rf"NIK 3201011505800001 is already registered as {number} \(Budi Santoso\)",
            self._create_client,
            "Budi S.",
            "3201 0115 0580 0001",
        )

    def test_nik_unique_includes_archived(self):
        first = self._create_client("Budi Santoso", "3201011505800001")
        first.action_archive()
        self.assertRefused(
            rf"already registered as {re.escape(first.registration_number)} "
            r"\(Budi Santoso\), archived",
            self._create_client,
            "Budi",
            "3201011505800001",
        )

    def test_nik_unique_across_offices(self):
        """A NIK held in another office is refused without naming the person."""
        other_office = self.env["res.company"].create({"name": "Dinsos Kota Metro"})
        self.Client.create(
            dict(
                self._client_vals("Budi Santoso", "3201011505800001"),
                company_id=other_office.id,
            )
        )
        with self.assertRaises(ValidationError) as caught:
            self.Client.with_user(self.user_staff).create(
                self._client_vals("Budi", "3201011505800001")
            )
        message = str(caught.exception)
        self.assertIn(
            "already registered by another office (Dinsos Kota Metro)", message
        )
        self.assertNotIn("Budi Santoso", message)

    def test_nik_unique_on_write(self):
        first = self._create_client("Budi Santoso", "3201011505800001")
        second = self._create_client("Tanpa Nama")
        self.assertRefused(
            rf"already registered as {re.escape(first.registration_number)}",
            second.write,
            {"nik": "3201011505800001", "no_identity": False},
        )
        self.assertFalse(second.nik)

    def test_nik_unique_within_batch(self):
        self.assertRefused(
            r"NIK 3201011505800001 is entered twice: Budi and Agus",
            self.Client.create,
            [
                self._client_vals("Budi", "3201011505800001"),
                self._client_vals("Agus", "3201011505800001"),
            ],
        )

    def test_same_nik_written_on_two_clients(self):
        clients = self.Client.create([self._client_vals("A"), self._client_vals("B")])
        self.assertRefused(
            r"NIK 3201011505800001 is entered twice: A and B",
            clients.write,
            {"nik": "3201011505800001", "no_identity": False},
        )
        self.assertEqual(clients.mapped("nik"), [False, False])

    def test_rewriting_own_nik(self):
        client = self._create_client("Budi", "3201011505800001")
        client.write({"nik": "3201 0115 0580 0001"})
        self.assertEqual(client.nik, "3201011505800001")

    def test_clients_without_nik_do_not_collide(self):
        clients = self.Client.create([self._client_vals("A"), self._client_vals("B")])
        self.assertEqual(
            self.Client.search_count([("id", "in", clients.ids), ("nik", "=", False)]),
            2,
        )


@tagged("post_install", "-at_install")
class TestClientRegion(SocialClientCommon):
    def test_region_from_nik_prefix(self):
        client = self._create_client("Budi", "3201011505800001")
        self.assertEqual(client.nik_district_id, self.district_cibinong)
        self.assertFalse(client.nik_region_unknown)
        self.assertEqual(client.district_id, self.district_cibinong)
        self.assertEqual(client.regency_id, self.regency_bogor)
        self.assertEqual(client.province_id, self.province_jabar)

    def test_region_from_nik_prefix_other_province(self):
        client = self._create_client("Rina", make_nik("317101", female=True, serial=2))
        self.assertEqual(client.district_id, self.district_gambir)
        self.assertEqual(client.regency_id, self.regency_jakpus)
        self.assertEqual(client.province_id, self.province_dki)

    def test_address_wins_over_nik_prefix(self):
        """People move: a given address is kept, the NIK district is informative."""
        client = self._create_client(
            "Budi", "3201011505800001", village_id=self.village_wanaherang.id
        )
        self.assertEqual(client.nik_district_id, self.district_cibinong)
        self.assertEqual(client.district_id, self.district_gunungputri)
        self.assertEqual(client.regency_id, self.regency_bogor)
        client2 = self._create_client(
            "Agus", make_nik(serial=2), district_id=self.district_gambir.id
        )
        self.assertEqual(client2.district_id, self.district_gambir)
        self.assertEqual(client2.province_id, self.province_dki)

    def test_village_fills_district_up(self):
        client = self._create_client("Tanpa Nama", village_id=self.village_karadenan.id)
        self.assertEqual(client.district_id, self.district_cibinong)
        self.assertEqual(client.regency_id, self.regency_bogor)
        self.assertEqual(client.province_id, self.province_jabar)

    def test_unknown_district_prefix_only_warns(self):
        # 32.01.99 does not exist (any more): the NIK is kept, the region flagged
        client = self._create_client("Budi", "3201991505800001")
        self.assertEqual(client.nik, "3201991505800001")
        self.assertTrue(client.nik_region_unknown)
        self.assertFalse(client.nik_district_id)
        self.assertFalse(client.district_id)
        onchange = client._onchange_nik()
        self.assertIn("warning", onchange)
        known = self._create_client("Agus", make_nik(serial=2))
        self.assertFalse(known._onchange_nik())

    def test_region_hierarchy_mismatch_refused(self):
        self.assertRefused(
            r"Wanaherang \(32\.01\.02\.2001\) does not lie in Cibinong",
            self._create_client,
            "Budi",
            district_id=self.district_cibinong.id,
            village_id=self.village_wanaherang.id,
        )
        self.assertRefused(
            r"does not lie in",
            self._create_client,
            "Budi",
            province_id=self.province_dki.id,
            regency_id=self.regency_bogor.id,
        )
        self.assertRefused(
            r"is not a region of the right level for Province",
            self._create_client,
            "Budi",
            province_id=self.regency_bogor.id,
        )
        client = self._create_client("Budi", district_id=self.district_cibinong.id)
        self.assertRefused(
            r"does not lie in", client.write, {"regency_id": self.regency_jakpus.id}
        )
        self.assertEqual(client.regency_id, self.regency_bogor)


@tagged("post_install", "-at_install")
class TestClientDuplicates(SocialClientCommon):
    def test_possible_duplicates(self):
        common = {
            "birth_date": "1970-01-01",
            "village_id": self.village_pondok_rajeg.id,
        }
        twin_a = self._create_client("Tanpa Nama", **common)
        twin_b = self._create_client("  tanpa   NAMA ", **common)
        other_village = self._create_client(
            "Tanpa Nama", birth_date="1970-01-01", village_id=self.village_karadenan.id
        )
        other_date = self._create_client(
            "Tanpa Nama",
            birth_date="1971-01-01",
            village_id=self.village_pondok_rajeg.id,
        )
        with_nik = self._create_client(
            "Tanpa Nama",
            make_nik(day=1, month=1, year=70),
            village_id=self.village_pondok_rajeg.id,
        )
        clients = twin_a | twin_b | other_village | other_date | with_nik
        self.assertEqual(twin_a.duplicate_key, twin_b.duplicate_key)
        self.assertEqual(clients.mapped("possible_duplicate_count"), [1, 1, 0, 0, 0])
        self.assertEqual(
            self.Client.search(
                [("id", "in", clients.ids), ("possible_duplicate_count", ">", 0)]
            ),
            twin_a | twin_b,
        )
        self.assertEqual(
            self.Client.search(
                [("id", "in", clients.ids), ("possible_duplicate_count", "=", 0)]
            ),
            other_village | other_date | with_nik,
        )
        action = twin_a.action_view_possible_duplicates()
        self.assertEqual(
            self.Client.with_context(**action["context"]).search(action["domain"]),
            twin_a | twin_b,
        )

    def test_archived_twin_still_counts(self):
        common = {
            "birth_date": "1970-01-01",
            "village_id": self.village_pondok_rajeg.id,
        }
        twin_a = self._create_client("Tanpa Nama", **common)
        twin_b = self._create_client("Tanpa Nama", **common)
        twin_b.action_archive()
        twin_a.invalidate_recordset(["possible_duplicate_count"])
        self.assertEqual(twin_a.possible_duplicate_count, 1)
        # giving one of them an NIK takes it out of the group
        twin_b.write({"nik": make_nik(day=1, month=1, year=70), "no_identity": False})
        twin_a.invalidate_recordset(["possible_duplicate_count"])
        self.assertEqual(twin_a.possible_duplicate_count, 0)


@tagged("post_install", "-at_install")
class TestClientSequence(SocialClientCommon):
    def test_registration_numbers_in_batch(self):
        year = datetime.date.today().year
        clients = self.Client.create(
            [self._client_vals(f"Client {i}", make_nik(serial=i)) for i in range(1, 6)]
        )
        numbers = clients.mapped("registration_number")
        self.assertEqual(len(set(numbers)), 5)
        for number in numbers:
            self.assertRegex(number, rf"^PPKS/{year}/\d{{5}}$")
        serials = sorted(int(n.rsplit("/", 1)[1]) for n in numbers)
        self.assertEqual(serials, list(range(serials[0], serials[0] + 5)))
        single = self._create_client("One more", make_nik(serial=6))
        self.assertEqual(
            int(single.registration_number.rsplit("/", 1)[1]), serials[-1] + 1
        )
        copy = clients[0].copy({"nik": make_nik(serial=7)})
        self.assertNotIn(
            copy.registration_number, numbers + [single.registration_number]
        )

    def _create_queries(self, count, first_serial):
        vals_list = [
            self._client_vals(
                f"Batch {first_serial + i}",
                make_nik(serial=first_serial + i),
                kk_number="3201012345678901",
                ppks_type_ids=[Command.set(self.ppks_type.ids)],
                village_id=self.village_pondok_rajeg.id,
            )
            for i in range(count)
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        clients = self.Client.create(vals_list)
        self.env.flush_all()
        queries = self.cr.sql_log_count - before
        self.assertEqual(
            clients.mapped("name"), [f"Batch {first_serial + i}" for i in range(count)]
        )
        return queries

    def test_batch_create_query_count_is_flat(self):
        self._create_queries(3, 1000)  # warm the caches
        queries_10 = self._create_queries(10, 2000)
        queries_50 = self._create_queries(50, 3000)
        self.assertGreater(queries_10, 0)
        self.assertEqual(
            queries_50,
            queries_10,
            f"creating 50 clients took {queries_50} queries, 10 took {queries_10}",
        )


@tagged("post_install", "-at_install")
class TestClientTracking(SocialClientCommon):
    def _tracked_fields(self, client):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written before commit
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "social.client"),
                    ("mail_message_id.res_id", "=", client.id),
                ]
            )
        )
        return set(values.field_id.mapped("name"))

    def test_nik_kk_health_never_tracked(self):
        client = self._create_client("Budi", "3201011505800001")
        self._tracked_fields(client)
        client.with_user(self.user_health).write(
            {
                "name": "Budi Santoso",
                "nik": "3201011505800002",
                "kk_number": "3201012345678901",
                "health_notes": "Diabetes",
                "psychological_notes": "Trauma",
            }
        )
        tracked = self._tracked_fields(client)
        self.assertIn("name", tracked)
        self.assertFalse(
            tracked
            & {"nik", "kk_number", "health_notes", "psychological_notes", "birth_date"},
            tracked,
        )
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.res_id", "=", client.id),
                    ("mail_message_id.model", "=", "social.client"),
                ]
            )
        )
        texts = " ".join(
            str(v)
            for v in values.mapped("old_value_char") + values.mapped("new_value_char")
        )
        self.assertIn("Budi Santoso", texts)
        self.assertNotIn("3201011505800001", texts)
        self.assertNotIn("3201011505800002", texts)
        # and no message body carries the NIK either
        bodies = " ".join(str(b) for b in client.message_ids.mapped("body"))
        self.assertNotIn("3201011505800002", bodies)

    def test_creation_message_names_the_registration_number(self):
        """The chatter opens with the registration, in the user's language, also
        where the context carries none (data files, imports)."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.user_staff.lang = "id_ID"
        Client = self.Client.with_user(self.user_staff)
        for client in (
            Client.with_context(lang="id_ID").create(
                self._client_vals("Budi", "3201011505800001")
            ),
            Client.with_context(lang=None).create(
                self._client_vals("Sri", "3201014505800001")
            ),
        ):
            self.assertEqual(
                client.sudo().message_ids[-1].body,
                f"<p>Klien didaftarkan dengan nomor {client.registration_number}</p>",
            )


@tagged("post_install", "-at_install")
class TestClientComputes(SocialClientCommon):
    def test_cluster_from_ppks_type(self):
        ppks = self.env["social.ppks.type"].search(
            [("cluster_id", "!=", False)], limit=1
        )
        client = self._create_client("Budi", ppks_type_ids=[Command.set(ppks.ids)])
        self.assertEqual(client.cluster_id, ppks.cluster_id)
        self.assertEqual(client.cluster, ppks.cluster_id.code)

    def test_multiple_disability(self):
        types = self.env["social.disability.type"].search([], limit=2)
        client = self._create_client(
            "Budi", disability_type_ids=[Command.set(types[:1].ids)]
        )
        self.assertFalse(client.disability_multiple)
        client.disability_type_ids = types
        self.assertTrue(client.disability_multiple)

    def test_documents_complete(self):
        client = self._create_client("Budi", make_nik())
        ktp, kk = self.env["ir.attachment"].create(
            [{"name": "ktp.jpg", "raw": b"ktp"}, {"name": "kk.jpg", "raw": b"kk"}]
        )
        self.assertFalse(client.documents_complete)
        client.ktp_attachment_ids = ktp
        self.assertFalse(client.documents_complete)
        client.kk_attachment_ids = kk
        self.assertTrue(client.documents_complete)

    def test_family_members(self):
        mother = self._create_client(
            "Siti Aminah", make_nik(female=True, year=55, serial=2)
        )
        client = self._create_client(
            "Budi",
            make_nik(),
            family_member_ids=[
                Command.create({"member_client_id": mother.id, "relation": "parent"}),
                Command.create(
                    {
                        "name": "Agus",
                        "relation": "sibling",
                        "is_guardian": True,
                        "nik": make_nik(serial=3),
                    }
                ),
            ],
        )
        by_relation = {m.relation: m for m in client.family_member_ids}
        self.assertEqual(by_relation["parent"].name, "Siti Aminah")
        self.assertEqual(by_relation["parent"].nik, mother.nik)
        self.assertEqual(by_relation["parent"].birth_date, mother.birth_date)
        self.assertEqual(client.guardian_name, "Agus")
        with (
            self.assertRaisesRegex(
                ValidationError, r"serial number of NIK \d+ cannot be 0000"
            ),
            self.env.cr.savepoint(),
        ):
            client.family_member_ids[:1].nik = make_nik(serial=0)
        with (
            self.assertRaisesRegex(
                ValidationError, r"cannot be their own family member"
            ),
            self.env.cr.savepoint(),
        ):
            self.env["social.client.family"].create(
                {
                    "client_id": client.id,
                    "member_client_id": client.id,
                    "relation": "other",
                }
            )

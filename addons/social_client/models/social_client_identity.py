# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import client_input
from ..tools import nik as nik_tools


class SocialClient(models.Model):
    """Identity checks of a client: NIK, KK, birth date, name and address
    values refused with a clear message before anything is saved.

    The NIK and KK messages are worded by ``tools/nik.py``, the other input
    messages by ``tools/client_input.py``: this file only applies them.
    """

    _inherit = "social.client"

    @api.onchange("nik")
    def _onchange_nik(self):
        if self.nik:
            self.no_identity = False
        if self.nik_region_unknown:
            return {"warning": nik_tools.region_unknown_warning(self.env)}

    @api.constrains("nik", "birth_date", "gender")
    def _check_nik(self):
        today = fields.Date.context_today(self)
        for client in self.filtered("nik"):
            parsed = nik_tools.parse_nik(client.nik, today)
            if parsed.errors:
                raise ValidationError(parsed.message(self.env))
            if not nik_tools.birth_date_agrees(parsed, client.birth_date):
                raise ValidationError(
                    parsed.message(
                        self.env, "birth_date_contradiction", date=client.birth_date
                    )
                )
            if client.gender and client.gender != parsed.gender:
                raise ValidationError(
                    parsed.message(self.env, "gender_contradiction", name=client.name)
                )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        """Also for people without identity, whose date is estimated."""
        today = fields.Date.context_today(self)
        for client in self.filtered("birth_date"):
            code = client_input.check_birth_date(client.birth_date, today)
            if code:
                raise ValidationError(
                    client_input.message(self.env, code, value=client.birth_date)
                )

    def _check_nik_unique(self, vals_list):
        """Unique across all clients, archived included, naming the holder.

        Checked before the rows reach the database: the unique index, kept
        against concurrent saves, would refuse them first with a technical
        error that names nobody. ``self`` are the clients being written.
        """
        seen = {}
        for vals in vals_list:
            nik = vals.get("nik")
            if not nik:
                continue
            if nik in seen:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s is entered twice: %(first)s and %(second)s.",
                        nik=nik,
                        first=seen[nik],
                        second=vals.get("name"),
                    )
                )
            seen[nik] = vals.get("name")
        if not seen:
            return
        # sudo: a person has one NIK in the whole database, whichever office
        # registered them; the holder is named only to those who may see it
        others = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("nik", "in", list(seen)), ("id", "not in", self.ids)],
                ["nik", "registration_number", "name", "active", "company_id"],
                limit=1,
            )
        )
        for other in others:
            if other.company_id not in self.env.companies:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s is already registered by another office "
                        "(%(office)s).",
                        nik=other.nik,
                        office=other.company_id.name,
                    )
                )
            raise ValidationError(
                self.env._(
                    "The NIK %(nik)s is already registered as %(number)s "
                    "(%(name)s)%(archived)s.",
                    nik=other.nik,
                    number=other.registration_number,
                    name=other.name,
                    archived=self.env._(", archived") if not other.active else "",
                )
            )

    @api.constrains("kk_number")
    def _check_kk_number(self):
        for client in self.filtered("kk_number"):
            parsed = nik_tools.parse_kk(client.kk_number)
            if parsed.errors:
                raise ValidationError(parsed.message(self.env))

    # name is always given on create, so the check also runs for a client
    # created with neither an NIK nor the without-identity flag
    @api.constrains("name", "nik", "no_identity", "no_identity_description")
    def _check_identity(self):
        for client in self:
            if (
                client.no_identity
                and not (client.no_identity_description or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Describe %(name)s: a client without identity needs a "
                        "description.",
                        name=client.name,
                    )
                )
            if not client.no_identity and not client.nik:
                raise ValidationError(
                    self.env._(
                        "Enter the NIK of %(name)s, or mark the client as without "
                        "identity.",
                        name=client.name,
                    )
                )

    def _field_label(self, field_name):
        return self._fields[field_name].get_description(self.env)["string"]

    @api.model
    def _check_input_vals(self, vals, create=False):
        """Refuse malformed values before anything is written, normalise the
        NIK and KK number (spaces between digit groups are dropped).

        An RPC caller can send any type: without this a number as NIK is a
        TypeError, a list is saved as its text, an RT of 4 digits is cut to
        3 and a NUL byte or an overlong name fails in PostgreSQL.
        """
        today = fields.Date.context_today(self)
        error = self._identity_number_error(vals, today) or self._input_error(
            vals, today, create
        )
        if error:
            raise ValidationError(error)
        return vals

    @api.model
    def _identity_number_error(self, vals, today):
        """Normalise NIK and KK number in ``vals``; the first error's message."""
        error = None
        for field_name, kind in (("nik", nik_tools.NIK), ("kk_number", nik_tools.KK)):
            value = vals.get(field_name)
            if value is False or value is None or value == "":
                if field_name in vals:
                    vals[field_name] = False
                continue
            parsed = nik_tools.parse(kind, value, today)
            vals[field_name] = parsed.number
            error = error or parsed.message(self.env)
        return error

    @api.model
    def _input_error(self, vals, today, create):
        """The message of the first malformed name, RT, RW, birth date or text."""
        env = self.env
        if create or "name" in vals:
            name = vals.get("name", env.context.get("default_name"))
            if code := client_input.check_name(name):
                return client_input.message(env, code, value=name)
        for field_name in ("rt", "rw"):
            if vals.get(field_name) == "":
                vals[field_name] = False
            if code := client_input.check_short_number(vals.get(field_name)):
                label = self._field_label(field_name)
                return client_input.message(env, code, label, vals[field_name])
        if "birth_date" in vals:
            birth_date, code = client_input.to_date(vals["birth_date"])
            if code:
                label = self._field_label("birth_date")
                return client_input.message(env, code, label, vals["birth_date"])
            if code := client_input.check_birth_date(birth_date, today):
                return client_input.message(env, code, value=birth_date)
        checked = {"nik", "kk_number", "name", "rt", "rw"}
        for field_name, value in vals.items():
            field = self._fields.get(field_name)
            if field_name in checked or not field or field.type not in ("char", "text"):
                continue
            if code := client_input.check_text(value):
                return client_input.message(env, code, self._field_label(field_name))
        return None

import {registry} from "@web/core/registry";

// A dispatcher books the TRC car for hours it is already booked: the server refuses
// with the overlapping trip's number, and nothing is saved.
registry.category("web_tour.tours").add("social_trc_fleet_trip_overlap_tour", {
    url: "/odoo/action-social_trc_fleet.social_trc_trip_action/new",
    steps: () => [
        {
            content: "Choose the TRC car",
            trigger: ".o_field_widget[name='vehicle_id'] input",
            run: "edit DA 1 TRC",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('DA 1 TRC')",
            run: "click",
        },
        {
            content: "Choose the driver",
            trigger: ".o_field_widget[name='driver_id'] input",
            run: "edit Fauzan",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Fauzan Pengemudi')",
            run: "click",
        },
        {
            content: "Departure at nine, while the car is out all day",
            trigger: ".o_field_widget[name='date_departure'] input",
            run: "edit 08/11/2026 09:00:00",
        },
        {
            trigger: ".o_field_widget[name='destination'] input",
            run: "edit RSD Idaman Banjarbaru",
        },
        {
            content: "Return at eleven",
            trigger: ".o_field_widget[name='date_return'] input",
            run: "edit 08/11/2026 11:00:00",
        },
        {
            trigger: ".o_field_widget[name='destination'] input",
            run: "click",
        },
        {
            content: "Save the booking",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The server refuses: the car is already booked",
            trigger: ".modal .modal-body:contains('already booked')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Discard the booking",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Back on the trips, nothing saved",
            trigger: ".o_action_manager:not(:has(.modal))",
        },
    ],
});

// Generated from the api's /docs-json by scripts/api-types.mjs (`npm run web:api-types`). Do not edit.
export interface paths {
    "/api/v1/admin/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PrivacyController_erasures"];
        put?: never;
        post: operations["PrivacyController_eraseOnRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_list"];
        put?: never;
        post: operations["EventsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["EventsController_update"];
        trace?: never;
    };
    "/api/v1/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EventsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/check-in-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CheckInController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganizerRegistrationsController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/check-ins/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganizerRegistrationsController_undoCheckIn"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/check-ins/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CheckInController_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganizerRegistrationsController_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/messages/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganizerRegistrationsController_previewMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/organizers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["EventsController_setOrganizers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EventsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizerRegistrationsController_list"];
        put?: never;
        post: operations["RegistrationsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/registrations/{registrationId}/mails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizerRegistrationsController_mails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/registrations/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizerRegistrationsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizerRegistrationsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/stats/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizerRegistrationsController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail-suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MailSuppressionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail-suppressions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["MailSuppressionsController_lift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete: operations["PrivacyController_eraseMe"];
        options?: never;
        head?: never;
        patch: operations["UsersController_updateMe"];
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PrivacyController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/household/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HouseholdsController_list"];
        put?: never;
        post: operations["HouseholdsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/household/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["HouseholdsController_remove"];
        options?: never;
        head?: never;
        patch: operations["HouseholdsController_update"];
        trace?: never;
    };
    "/api/v1/me/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FamilyRegistrationsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MySponsorshipsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgramsController_list"];
        put?: never;
        post: operations["ProgramsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgramsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}/funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgramFundsController_funds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}/organizers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["ProgramsController_setOrganizers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgramsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RegistrationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["RegistrationsController_update"];
        trace?: never;
    };
    "/api/v1/registrations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RegistrationsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["PrivacyController_eraseRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/revoke-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RegistrationsController_revokeLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/resend-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FamilyRegistrationsController_resendLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SponsorshipsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SponsorshipsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SponsorshipsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SponsorshipsController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SponsorshipsController_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SponsorshipsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sponsorships/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SponsorshipsController_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_list"];
        put?: never;
        post: operations["StudentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["StudentsController_update"];
        trace?: never;
    };
    "/api/v1/students/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StudentsController_grantConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/consents/{purpose}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StudentsController_withdrawConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/disbursements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_disbursementsOf"];
        put?: never;
        post: operations["StudentsController_disburse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_reportsOf"];
        put?: never;
        post: operations["StudentsController_createReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/reports/{reportId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StudentsController_publishReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/students/{id}/sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StudentsController_sponsorshipsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["UsersController_setRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop an event's organizer messages and reminders for one registration (RFC 8058 one-click)
         * @description The URL of the List-Unsubscribe header of optional mail. No login: the signed token is the proof, good for this registration (one event, one recipient) only. The body, if any, is ignored: mail clients send `List-Unsubscribe=One-Click` as a form. GET on the same URL is the web page that asks first. Doing it again changes nothing. Confirmations, changes and cancellations are still sent.
         */
        post: operations["UnsubscribeController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminErasureDto: {
            /**
             * @description the account with this email, and every registration made without an account under it
             * @example mei@example.org
             */
            email: string;
        };
        AttendeeDto: {
            /**
             * Format: date
             * @description required for children
             */
            birthDate?: string;
            /**
             * @description required unless memberId fills it in
             * @enum {string}
             */
            category?: "adult" | "child";
            /**
             * Format: uuid
             * @description one of the signed-in family's household members; fills in name, category and birth date
             */
            memberId?: string;
            /** @description required unless memberId fills it in */
            name?: string;
        };
        AttendeeResponse: {
            /** Format: date */
            birthDate: string | null;
            /** @enum {string} */
            category: "adult" | "child";
            checkedInAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            memberId: string | null;
            name: string;
        };
        AuditEntryResponse: {
            /** @example updated */
            action: string;
            /** @description who: { id, name } */
            actor: Record<string, never> | null;
            at: string;
            /** @description field → { from, to } for updates; what was added otherwise */
            changes: Record<string, never>;
            id: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntryResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        AuthResponse: {
            /** @description the bearer token; absent when a cookie session was asked for */
            accessToken?: string;
            user: components["schemas"]["UserResponse"];
        };
        CheckInBatchDto: {
            /** @description applied in order */
            items: components["schemas"]["CheckInBatchItem"][];
        };
        CheckInBatchItem: {
            /**
             * @description when it was scanned, by the device's clock (a time still to come counts as now)
             * @example 2027-05-15T09:41:07.000+08:00
             */
            at: string;
            /** @description only these attendees of the registration (all of them when left out) */
            attendeeIds?: string[];
            /**
             * @description the check-in code; any case, spaces and dashes ignored
             * @example ACD-3E9
             */
            code: string;
            /**
             * Format: uuid
             * @description made on the device; an id applied before changes nothing again
             */
            id: string;
            /**
             * @description true: take the check-in back
             * @default false
             */
            undo: boolean;
        };
        CheckInBatchResponse: {
            /** @description one per item, in the items' order */
            results: components["schemas"]["CheckInBatchResult"][];
        };
        CheckInBatchResult: {
            /** @description its attendees checked in now, after this item (not for unknown_code) */
            checkedIn?: string[];
            /** Format: uuid */
            id: string;
            /**
             * @description checked_in; undone; duplicate (this id was applied before: nothing changed); already_checked_in (another device or scan did it first); not_checkable (waitlisted or cancelled, or none of the named attendees is in the party any more); unknown_code
             * @enum {string}
             */
            outcome: "checked_in" | "undone" | "duplicate" | "already_checked_in" | "not_checkable" | "unknown_code";
            /**
             * Format: uuid
             * @description the registration the code names (not for unknown_code)
             */
            registrationId?: string;
        };
        CheckInDto: {
            /** @description only these attendees of the registration (all of them when left out) */
            attendeeIds?: string[];
            /**
             * @description the check-in code; any case, spaces and dashes ignored
             * @example ACD-3E9
             */
            code: string;
        };
        CheckInListAttendee: {
            /** @enum {string} */
            category: "adult" | "child";
            /** Format: date-time */
            checkedInAt: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        CheckInListEntry: {
            /** @description the party, in the family's order */
            attendees: components["schemas"]["CheckInListAttendee"][];
            /**
             * @description the check-in code (its QR code holds it)
             * @example ACD3E9
             */
            code: string;
            /** @description the contact's name */
            contactName: string;
            /** Format: uuid */
            id: string;
            /**
             * @description only confirmed families check in
             * @enum {string}
             */
            status: "confirmed" | "waitlisted" | "cancelled";
        };
        CheckInListResponse: {
            /** Format: uuid */
            eventId: string;
            /** @enum {string} */
            eventStatus: "draft" | "published" | "cancelled";
            /** @description true: every registration of the event; false: the changes since `since` */
            full: boolean;
            /** @description in request order */
            registrations: components["schemas"]["CheckInListEntry"][];
            /**
             * Format: date-time
             * @description send it back as `since` for the changes after this list
             */
            syncedAt: string;
        };
        CheckInResponse: {
            answers: {
                [key: string]: unknown;
            };
            attendees: components["schemas"]["AttendeeResponse"][];
            cancelledAt?: string | null;
            /** @description the attendees of this registration now checked in */
            checkedIn: string[];
            /** @example ACD3E9 */
            code: string;
            consents: Record<string, never>;
            contact: components["schemas"]["ContactResponse"];
            createdAt: string;
            /** Format: uuid */
            eventId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description a guest's private manage token (send it as X-Manage-Token) */
            manageToken?: string;
            partySize: number;
            /** @enum {string} */
            status: "confirmed" | "waitlisted" | "cancelled";
            /** @description live 1-based rank among the waitlisted families, in request order */
            waitlistPosition: number | null;
        };
        CommitmentDto: {
            /**
             * @description integer minor units, more than 0
             * @example 3000
             */
            amount: number;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
            /**
             * @description a due date every month, every four months (term) or every year
             * @enum {string}
             */
            period: "month" | "term" | "year";
        };
        CommitmentResponse: {
            /** @description integer minor units */
            amount: number;
            /** @example USD */
            currency: string;
            /** @enum {string} */
            period: "month" | "term" | "year";
        };
        ConfirmPasswordResetDto: {
            /** @example a new long password */
            password: string;
            /**
             * @description The token from the reset link (`/reset-password?token=...`)
             * @example 3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c
             */
            token: string;
        };
        ConsentDto: {
            /**
             * @description none: until withdrawn
             * @example 2027-01-15T00:00:00Z
             */
            expiresAt?: string | null;
            /**
             * @description ISO 8601 (a date alone is midnight UTC)
             * @example 2026-01-15T10:00:00+05:45
             */
            grantedAt: string;
            /**
             * @description who gave it
             * @example Sita Tamang (mother)
             */
            grantedBy: string;
            /** @enum {string} */
            purpose: "share_progress" | "photos";
        };
        ConsentExport: {
            dataProcessing: boolean;
            /** Format: uuid */
            eventId: string;
            /**
             * Format: date-time
             * @description when it was given (with the registration)
             */
            givenAt: string;
            photos: boolean;
            /** Format: uuid */
            registrationId: string;
        };
        ConsentResponse: {
            expiresAt: string | null;
            grantedAt: string;
            grantedBy: string;
            /** @description granted, not withdrawn and not expired, now */
            holds: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            purpose: "share_progress" | "photos";
            withdrawnAt: string | null;
        };
        ConsentsDto: {
            /** @description must be true */
            dataProcessing: boolean;
            /** @default false */
            photos: boolean;
        };
        ContactDto: {
            /** @example mei@example.org */
            email: string;
            /** @example Mei Chen */
            name: string;
            /** @example +86 10 1234 5678 */
            phone?: string;
        };
        ContactResponse: {
            email: string;
            name: string;
            phone: string | null;
        };
        CreateDisbursementDto: {
            /**
             * @description integer minor units, more than 0
             * @example 12000
             */
            amount: number;
            /** @enum {string} */
            category: "tuition" | "books" | "uniform" | "stipend" | "other";
            /** @example NPR */
            currency: string;
            /** Format: date */
            paidOn: string;
            /** @example Shree Janata Secondary School */
            payee: string;
            /** @default  */
            receiptReference: string;
        };
        CreateEventDto: {
            /** @description seats, counted in persons */
            capacity: number;
            /** @description at least childAgeMin */
            childAgeMax?: number | null;
            childAgeMin?: number | null;
            /**
             * @description the language title, summary, description and venue are written in
             * @default en
             * @enum {string}
             */
            contentLocale: "en" | "zh-CN" | "ne";
            /** @default  */
            description: string;
            /**
             * Format: date-time
             * @description after startsAt
             * @example 2027-05-15T10:00:00+08:00
             */
            endsAt: string;
            /**
             * @description in_person and hybrid need a venue; online and hybrid an onlineUrl
             * @enum {string}
             */
            format: "in_person" | "online" | "hybrid";
            /** @enum {string} */
            kind: "celebration" | "competition" | "program-session" | "webinar" | "workshop" | "forum" | "other";
            /** @default 6 */
            maxPartySize: number;
            /** @example https://meet.example.org/idf */
            onlineUrl?: string | null;
            /**
             * Format: uuid
             * @description a program the caller organizes
             */
            programId?: string | null;
            /** @default [] */
            questions: components["schemas"]["QuestionDto"][];
            /**
             * Format: date-time
             * @description no later than startsAt
             * @example 2027-05-15T10:00:00+08:00
             */
            registrationClosesAt?: string | null;
            /**
             * Format: date-time
             * @description before registrationClosesAt (or startsAt)
             * @example 2027-05-15T10:00:00+08:00
             */
            registrationOpensAt?: string | null;
            /**
             * @description made from the title when left out (-2, -3 … when taken); a given slug that is taken is refused
             * @example international-day-of-families-2027
             */
            slug?: string;
            /**
             * Format: date-time
             * @example 2027-05-15T10:00:00+08:00
             */
            startsAt: string;
            /** @default  */
            summary: string;
            /**
             * @description an IANA time zone
             * @example Asia/Shanghai
             */
            timezone: string;
            /** @example International Day of Families 2027 */
            title: string;
            /** @description title, summary, description and venue in other locales (each field optional: a reader gets the base field where one is missing). Not the content language, which the base fields are written in. */
            translations?: components["schemas"]["EventTranslationsDto"];
            venue?: string | null;
            /** @default true */
            waitlistEnabled: boolean;
        };
        CreateMemberDto: {
            /**
             * Format: date
             * @example 2018-04-02
             */
            birthDate: string;
            /** @example Lin Chen */
            name: string;
            /**
             * @example child
             * @enum {string}
             */
            relationship: "self" | "partner" | "child" | "parent" | "grandparent" | "sibling" | "other";
        };
        CreatePaymentDto: {
            /**
             * @description integer minor units, more than 0
             * @example 3000
             */
            amount: number;
            /**
             * @description ISO 4217; only payments in the commitment currency settle its dues
             * @example USD
             */
            currency: string;
            /** @enum {string} */
            method: "bank_transfer" | "card" | "cash" | "cheque" | "mobile_money" | "other";
            /**
             * Format: date
             * @description not in the future
             */
            receivedOn: string;
            /** @default  */
            reference: string;
        };
        CreateProgramDto: {
            /** @default  */
            description: string;
            /** @enum {string} */
            kind: "events" | "sponsorship";
            /** @example Empowering Girls with Science and Technology */
            name: string;
            /**
             * @description made from the name when left out (with -2, -3 … when taken); a given slug that is taken is refused
             * @example empowering-girls-with-science-and-technology
             */
            slug?: string;
        };
        CreateRegistrationDto: {
            /** @description answers keyed by the event's question ids */
            answers?: {
                [key: string]: unknown;
            };
            attendees: components["schemas"]["AttendeeDto"][];
            consents: components["schemas"]["ConsentsDto"];
            contact: components["schemas"]["ContactDto"];
            /** @enum {string} */
            locale?: "en" | "zh-CN" | "ne";
        };
        CreateReportDto: {
            /** @example 0.95 */
            attendanceRate: number;
            /** @example Grade 8 */
            gradeLevel: string;
            promoted: boolean;
            /**
             * @description true publishes it at once (and mails the sponsors)
             * @default false
             */
            published: boolean;
            subjects: components["schemas"]["SubjectDto"][];
            /** @default  */
            summary: string;
            /** @example 2026 Term 1 */
            term: string;
        };
        CreateSponsorshipDto: {
            commitment: components["schemas"]["CommitmentDto"];
            /**
             * Format: date
             * @description no due date after it; none: until ended
             */
            endDate?: Record<string, never> | null;
            /**
             * Format: uuid
             * @description the student's program
             */
            programId: string;
            /**
             * Format: email
             * @description the sponsor's account email, instead of sponsorUserId (exactly one of the two)
             */
            sponsorEmail?: string;
            /**
             * Format: uuid
             * @description a user with the sponsor role (or give sponsorEmail)
             */
            sponsorUserId?: string;
            /**
             * Format: date
             * @description the first due date
             */
            startDate: string;
            /** Format: uuid */
            studentId: string;
        };
        CreateStudentDto: {
            annualNeed: components["schemas"]["MoneyDto"];
            /**
             * Format: date
             * @example 2011-04-02
             */
            birthDate: string;
            consents?: components["schemas"]["ConsentDto"][];
            /** @example Nepal */
            country: string;
            /** @example Asha Kumari Tamang */
            fullName: string;
            /** @example Grade 8 */
            gradeLevel: string;
            guardian: components["schemas"]["GuardianDto"];
            /**
             * @description the only name sponsors see
             * @example Asha
             */
            preferredName: string;
            /**
             * Format: uuid
             * @description a sponsorship program the caller organizes
             */
            programId: string;
            /**
             * @default
             * @example Kavrepalanchok
             */
            region: string;
            school: components["schemas"]["SchoolDto"];
        };
        DisbursementResponse: {
            amount: number;
            /** @enum {string} */
            category: "tuition" | "books" | "uniform" | "stipend" | "other";
            createdAt: string;
            currency: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            paidOn: string;
            payee: string;
            receiptReference: string;
            /** Format: uuid */
            studentId: string;
        };
        DueResponse: {
            /** @description what the commitment asked for on that date, in minor units */
            amount: number;
            /** @description the commitment's currency */
            currency: string;
            /** Format: date */
            date: string;
            /** @description unpaid 30 days or more after its date */
            overdue: boolean;
            /** @description still unpaid of it */
            unpaid: number;
        };
        EraseAccountDto: {
            /** @description the account's password, entered again */
            password: string;
        };
        ErasureRecordPage: {
            items: components["schemas"]["ErasureRecordResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        ErasureRecordResponse: {
            /**
             * Format: uuid
             * @description the admin who erased on request; null: the person themselves
             */
            actorId: string | null;
            /** Format: date-time */
            at: string;
            cancelled: number;
            /** Format: uuid */
            id: string;
            mails: number;
            registrations: number;
            sponsorships: number;
            /** @enum {string} */
            subject: "account" | "registration" | "email";
            /**
             * Format: uuid
             * @description the former account's or the registration's id (it names no one any more)
             */
            subjectId: string | null;
        };
        ErasureResponse: {
            /** @description whether an account was deleted */
            account: boolean;
            /** Format: date-time */
            at: string;
            /** @description of those, active ones cancelled first (seats freed, the waitlist promoted) */
            cancelled: number;
            /** Format: uuid */
            id: string;
            /** @description outbox rows purged */
            mails: number;
            /** @description registrations whose personal fields were removed */
            registrations: number;
            /** @description sponsorships that lost their sponsor (their payments stay) */
            sponsorships: number;
            /** @enum {string} */
            subject: "account" | "registration" | "email";
        };
        EventBaseResponse: {
            description: string;
            summary: string;
            title: string;
            venue: string | null;
        };
        EventPage: {
            items: components["schemas"]["EventResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        EventResponse: {
            /** @description contentLocale and every translated locale */
            availableLocales: ("en" | "zh-CN" | "ne")[];
            /** @description only for the event's organizers and admins, outside lists: the base fields as written */
            base?: components["schemas"]["EventBaseResponse"];
            /** Format: date-time */
            cancelledAt: string | null;
            capacity: number;
            childAgeMax: number | null;
            childAgeMin: number | null;
            /**
             * @description the language the event is written in (its base fields)
             * @enum {string}
             */
            contentLocale: "en" | "zh-CN" | "ne";
            createdAt: string;
            /** @description in `locale`: the asked locale field by field, else the content language */
            description: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            format: "in_person" | "online" | "hybrid";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "celebration" | "competition" | "program-session" | "webinar" | "workshop" | "forum" | "other";
            /**
             * @description the language of this answer: the asked one (?lang=, else Accept-Language, else the account locale) when the event has it, else contentLocale
             * @enum {string}
             */
            locale: "en" | "zh-CN" | "ne";
            maxPartySize: number;
            /** @description null unless the caller is one of the event's organizers or an admin */
            onlineUrl: string | null;
            /** @description only for the event's organizers and admins: the creator first, then the co-organizers */
            organizerIds?: string[];
            /** Format: uuid */
            programId: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            questions: components["schemas"]["QuestionResponse"][];
            /** Format: date-time */
            registrationClosesAt: string | null;
            /** Format: date-time */
            registrationOpensAt: string | null;
            /** @description capacity − seatsTaken */
            seatsRemaining: number;
            /** @description persons holding confirmed seats */
            seatsTaken: number;
            slug: string;
            /** Format: date-time */
            startsAt: string;
            /**
             * @description completed: published and its end has passed
             * @enum {string}
             */
            status: "draft" | "published" | "cancelled" | "completed";
            /** @description in `locale`: the asked locale field by field, else the content language */
            summary: string;
            timezone: string;
            /** @description in `locale`: the asked locale field by field, else the content language */
            title: string;
            /** @description only for the event's organizers and admins, outside lists: the translations as stored */
            translations?: components["schemas"]["EventTranslationsResponse"];
            updatedAt: string;
            /** @description in `locale`: the asked locale field by field, else the content language */
            venue: string | null;
            /** @description families on the waitlist */
            waitlistCount: number;
            waitlistEnabled: boolean;
        };
        EventStatsResponse: {
            /** @description adults among the confirmed persons */
            adults: number;
            /** @description cancelled registrations (families) */
            cancelled: number;
            /** @description seats, in persons */
            capacity: number;
            /** @description persons of confirmed registrations who are checked in */
            checkedIn: number;
            /** @description children among the confirmed persons */
            children: number;
            /** @description confirmed registrations (families) */
            confirmed: number;
            /** @description persons holding confirmed seats */
            seatsTaken: number;
            /** @description waitlisted registrations (families) */
            waitlisted: number;
        };
        EventSummary: {
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description the language of title
             * @enum {string}
             */
            locale: "en" | "zh-CN" | "ne";
            slug: string;
            /** Format: date-time */
            startsAt: string;
            /**
             * @description completed: published and its end has passed
             * @enum {string}
             */
            status: "draft" | "published" | "cancelled" | "completed";
            /** @description IANA time zone the event happens in */
            timezone: string;
            /** @description in `locale`: the asked locale when the event has it, else its content language */
            title: string;
        };
        EventTimelineResponse: {
            /** @description every day from the first registration to the last, days without any included */
            days: components["schemas"]["TimelineDay"][];
            /** @example Asia/Kathmandu */
            timezone: string;
        };
        EventTranslationDto: {
            description?: string | null;
            summary?: string | null;
            title?: string | null;
            venue?: string | null;
        };
        EventTranslationResponse: {
            description?: string;
            summary?: string;
            title?: string;
            venue?: string;
        };
        EventTranslationsDto: {
            en?: components["schemas"]["EventTranslationDto"] | null;
            ne?: components["schemas"]["EventTranslationDto"] | null;
            "zh-CN"?: components["schemas"]["EventTranslationDto"] | null;
        };
        EventTranslationsResponse: {
            en?: components["schemas"]["EventTranslationResponse"];
            ne?: components["schemas"]["EventTranslationResponse"];
            "zh-CN"?: components["schemas"]["EventTranslationResponse"];
        };
        FieldErrorSchema: {
            /** @example endsAt */
            field: string;
            /** @example endsAt must be after startsAt */
            message: string;
        };
        FundingYearResponse: {
            /** @description what her sponsorships' due dates in the year ask for, per currency */
            committed: components["schemas"]["MoneyResponse"][];
            need: components["schemas"]["MoneyResponse"];
            /** @description the need less what is committed in its currency (never below 0) */
            unfunded: components["schemas"]["MoneyResponse"];
            /** @example 2026 */
            year: number;
        };
        FundsLineResponse: {
            /** @description received less disbursed */
            balance: number;
            /** @description what the due dates so far asked for */
            committed: number;
            currency: string;
            disbursed: number;
            received: number;
        };
        FundsResponse: {
            /** Format: uuid */
            programId: string;
            students: components["schemas"]["StudentFundsResponse"][];
            /** @description the program, per currency */
            totals: components["schemas"]["FundsLineResponse"][];
        };
        GuardianDto: {
            /** @example Sita Tamang */
            name: string;
            /** @example +977 981 234 5678 */
            phone: string;
            /** @example mother */
            relationship: string;
        };
        HouseholdExport: {
            members: components["schemas"]["MemberResponse"][];
        };
        LoginDto: {
            /** @example mei@example.org */
            email: string;
            password: string;
            /**
             * @description cookie: a browser session. The answer sets an HttpOnly session cookie and carries no accessToken; unsafe requests with the cookie must come from the app's own origin.
             * @enum {string}
             */
            session?: "cookie";
        };
        MailExport: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example registration.confirmed */
            kind: string;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "skipped";
            /** @description an organizer's message's subject; other kinds are named by `kind` (their subject is written when sent) */
            subject: string | null;
        };
        MailSuppressionPage: {
            items: components["schemas"]["MailSuppressionResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        MailSuppressionResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @example no-such-family@example.org */
            email: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description the outbox row that was refused
             */
            notificationId: string | null;
            /**
             * @description bounced: the server refused the address permanently (SMTP 5xx)
             * @example bounced
             */
            reason: string;
            /** @example 550 5.1.1 <no-such-family@example.org>: no such user */
            smtpResponse: string | null;
        };
        MemberPage: {
            items: components["schemas"]["MemberResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        MemberResponse: {
            /** Format: date */
            birthDate: string;
            /**
             * @description child while under 18 today (UTC)
             * @enum {string}
             */
            category: "adult" | "child";
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            relationship: "self" | "partner" | "child" | "parent" | "grandparent" | "sibling" | "other";
            updatedAt: string;
        };
        MessageAccepted: {
            /**
             * Format: uuid
             * @description names this message (its mails carry it in their dedupe key)
             */
            messageId: string;
            /** @description active registrations when the message was accepted; each gets one mail */
            recipients: number;
        };
        MessagePreviewItem: {
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description the subject as the mail in this language carries it */
            subject: string;
            /** @description the mail's plain text in this language, with a sample name for the family */
            text: string;
        };
        MessagePreviewResponse: {
            /** @description one per locale: en, zh-CN, ne */
            items: components["schemas"]["MessagePreviewItem"][];
        };
        MoneyDto: {
            /**
             * @description integer minor units (cents, paisa)
             * @example 36000
             */
            amount: number;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
        };
        MoneyResponse: {
            /** @description integer minor units */
            amount: number;
            /** @example USD */
            currency: string;
        };
        MyRegistrationPage: {
            items: components["schemas"]["MyRegistrationResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        MyRegistrationResponse: {
            answers: {
                [key: string]: unknown;
            };
            attendees: components["schemas"]["AttendeeResponse"][];
            cancelledAt?: string | null;
            /** @example ACD3E9 */
            code: string;
            consents: Record<string, never>;
            contact: components["schemas"]["ContactResponse"];
            createdAt: string;
            event: components["schemas"]["EventSummary"];
            /** Format: uuid */
            eventId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description a guest's private manage token (send it as X-Manage-Token) */
            manageToken?: string;
            partySize: number;
            /** @enum {string} */
            status: "confirmed" | "waitlisted" | "cancelled";
            /** @description live 1-based rank among the waitlisted families, in request order */
            waitlistPosition: number | null;
        };
        NotificationDetail: {
            /** @description tries made so far */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description names the cause
             * @example user:3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90:welcome
             */
            dedupeKey: string;
            /** @description oldest first; the row was written pending at createdAt */
            history: components["schemas"]["NotificationHistoryEntry"][];
            /** Format: uuid */
            id: string;
            /**
             * @description a mail kind, or fanout.<kind>
             * @example account.welcome
             */
            kind: string;
            lastError: string | null;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description the Message-ID the SMTP server accepted */
            messageId: string | null;
            /**
             * Format: date-time
             * @description when a pending row is (or was) next due
             */
            nextAttemptAt: string;
            /** @description null on a fan-out row, and once the mail retention purged the row (RETENTION_MAIL_DAYS) */
            recipientEmail: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @example 250 OK: queued */
            smtpResponse: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "skipped" | "suppressed";
        };
        NotificationHistoryEntry: {
            /** Format: date-time */
            at: string;
            /** @description tries made when the status changed */
            attempts: number;
            /**
             * @description pending after a try: it will be tried again; pending with 0 attempts: an admin retried it
             * @enum {string}
             */
            status: "pending" | "sending" | "sent" | "failed" | "skipped" | "suppressed";
        };
        NotificationPage: {
            items: components["schemas"]["NotificationResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        NotificationResponse: {
            /** @description tries made so far */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description names the cause
             * @example user:3f2b8c1e-8d4a-4b6e-9c1f-2a7d5e6f8a90:welcome
             */
            dedupeKey: string;
            /** Format: uuid */
            id: string;
            /**
             * @description a mail kind, or fanout.<kind>
             * @example account.welcome
             */
            kind: string;
            lastError: string | null;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description the Message-ID the SMTP server accepted */
            messageId: string | null;
            /**
             * Format: date-time
             * @description when a pending row is (or was) next due
             */
            nextAttemptAt: string;
            /** @description null on a fan-out row, and once the mail retention purged the row (RETENTION_MAIL_DAYS) */
            recipientEmail: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @example 250 OK: queued */
            smtpResponse: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "skipped" | "suppressed";
        };
        OrganizerRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        PasswordResetAccepted: {
            /** @example If an account uses this email, a link to choose a new password is on its way. */
            message: string;
        };
        PaymentResponse: {
            amount: number;
            currency: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "bank_transfer" | "card" | "cash" | "cheque" | "mobile_money" | "other";
            /** Format: date */
            receivedOn: string;
            reference: string;
        };
        PersonalDataExport: {
            consents: components["schemas"]["ConsentExport"][];
            /** Format: date-time */
            exportedAt: string;
            /** @description as GET /me/household/members, every page */
            household: components["schemas"]["HouseholdExport"];
            /** @description mails written to the account, newest first */
            mails: components["schemas"]["MailExport"][];
            /** @description as GET /me */
            profile: components["schemas"]["UserResponse"];
            /** @description as GET /me/registrations, every page: attendees, answers and consents included */
            registrations: components["schemas"]["MyRegistrationResponse"][];
            /** @description as GET /me/sponsorships, every page, with payments */
            sponsorships: components["schemas"]["SponsorshipResponse"][];
            /** @description each sponsorship’s statement for every year it ran */
            statements: components["schemas"]["StatementResponse"][];
        };
        ProblemSchema: {
            /** @example invalid_request */
            code: string;
            /** @example endsAt must be after startsAt */
            detail: string;
            /** @description Present on 500 answers; the same id is in the log */
            errorId?: string;
            errors?: components["schemas"]["FieldErrorSchema"][];
            /** @example /api/v1/events */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Bad Request */
            title: string;
            /** @example https://kinship.dev/problems/invalid_request */
            type: string;
        };
        ProgramPage: {
            items: components["schemas"]["ProgramResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        ProgramReportCounts: {
            /** @description adults among them */
            adults: number;
            /** @description children among them */
            checkedInChildren: number;
            /** @description confirmed registrations with at least one person checked in */
            checkedInFamilies: number;
            /** @description persons of the confirmed registrations checked in */
            checkedInPersons: number;
            /** @description children among them */
            children: number;
            /** @description confirmed registrations */
            families: number;
            /** @description persons of the confirmed registrations */
            persons: number;
            /** @description waitlisted registrations */
            waitlisted: number;
        };
        ProgramReportEvent: {
            /** @description adults among them */
            adults: number;
            /** @description children among them */
            checkedInChildren: number;
            /** @description confirmed registrations with at least one person checked in */
            checkedInFamilies: number;
            /** @description persons of the confirmed registrations checked in */
            checkedInPersons: number;
            /** @description children among them */
            children: number;
            /** @description confirmed registrations */
            families: number;
            /** Format: uuid */
            id: string;
            /** @description persons of the confirmed registrations */
            persons: number;
            slug: string;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "published" | "cancelled";
            /** @description in the event's own language */
            title: string;
            /** @description waitlisted registrations */
            waitlisted: number;
        };
        ProgramReportResponse: {
            /** @description its published and cancelled events, by start */
            events: components["schemas"]["ProgramReportEvent"][];
            name: string;
            /** Format: uuid */
            programId: string;
            /** @description the sums over the events */
            totals: components["schemas"]["ProgramReportCounts"];
        };
        ProgramResponse: {
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "events" | "sponsorship";
            name: string;
            /** @description only for the program's organizers and admins: the creator first, then the co-organizers */
            organizers?: components["schemas"]["OrganizerRef"][];
            slug: string;
            updatedAt: string;
        };
        QuestionDto: {
            /**
             * @description a key unique within the event
             * @example dietary-needs
             */
            id: string;
            /** @example Any dietary needs? */
            label: string;
            /** @description only for text and textarea questions */
            maxLength?: number;
            /** @description required for choice and multi_choice questions, refused for the others; unique, each 1–200 */
            options?: string[];
            required: boolean;
            /** @enum {string} */
            type: "text" | "textarea" | "number" | "boolean" | "choice" | "multi_choice" | "date";
        };
        QuestionResponse: {
            id: string;
            label: string;
            maxLength?: number;
            options?: string[];
            required: boolean;
            /** @enum {string} */
            type: "text" | "textarea" | "number" | "boolean" | "choice" | "multi_choice" | "date";
        };
        RegistrationMailPage: {
            items: components["schemas"]["RegistrationMailResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        RegistrationMailResponse: {
            /** @description tries made so far */
            attempts: number;
            /**
             * Format: date-time
             * @description when it was written
             */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * @description the mail kind
             * @example registration.confirmed
             */
            kind: string;
            /**
             * Format: date-time
             * @description when a pending mail is due (a reminder: 24 h before the start)
             */
            nextAttemptAt: string;
            /** @description the address it went to; null once the mail retention purged the row */
            recipientEmail: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "skipped" | "suppressed";
        };
        RegistrationPage: {
            items: components["schemas"]["RegistrationResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        RegistrationResponse: {
            answers: {
                [key: string]: unknown;
            };
            attendees: components["schemas"]["AttendeeResponse"][];
            cancelledAt?: string | null;
            /** @example ACD3E9 */
            code: string;
            consents: Record<string, never>;
            contact: components["schemas"]["ContactResponse"];
            createdAt: string;
            /** Format: uuid */
            eventId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            /** @description a guest's private manage token (send it as X-Manage-Token) */
            manageToken?: string;
            partySize: number;
            /** @enum {string} */
            status: "confirmed" | "waitlisted" | "cancelled";
            /** @description live 1-based rank among the waitlisted families, in request order */
            waitlistPosition: number | null;
        };
        ReportPage: {
            items: components["schemas"]["ReportResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        ReportResponse: {
            attendanceRate: number;
            gradeLevel: string;
            /** Format: uuid */
            id: string;
            promoted: boolean;
            published: boolean;
            publishedAt: string | null;
            subjects: components["schemas"]["SubjectDto"][];
            summary: string;
            term: string;
        };
        RequestPasswordResetDto: {
            /** @example mei@example.org */
            email: string;
        };
        ResendLinkAccepted: {
            /** @example If this email holds a registration for this event, a link to manage it is on its way. */
            message: string;
        };
        ResendLinkDto: {
            /**
             * @description the contact email of the registration
             * @example mei@example.org
             */
            email: string;
            /** Format: uuid */
            eventId: string;
        };
        SchoolDto: {
            /** @example Shree Janata Secondary School */
            name: string;
            /** @example Dhulikhel */
            town: string;
        };
        SendMessageDto: {
            /** @example The car park on Main Street is closed; please use the one behind the hall. */
            body: string;
            /** @example Parking on the day */
            subject: string;
        };
        SessionResponse: {
            user: components["schemas"]["UserResponse"] | null;
        };
        SetOrganizersDto: {
            /** @description users with the organizer role; an empty list removes every co-organizer */
            userIds: string[];
        };
        SetRolesDto: {
            /**
             * @example [
             *       "family",
             *       "organizer"
             *     ]
             */
            roles: ("family" | "organizer" | "sponsor" | "admin")[];
        };
        SignupDto: {
            /** @example mei@example.org */
            email: string;
            /**
             * @default en
             * @enum {string}
             */
            locale: "en" | "zh-CN" | "ne";
            /** @example Mei Chen */
            name: string;
            /** @example correct horse battery */
            password: string;
            /**
             * @description cookie: a browser session. The answer sets an HttpOnly session cookie and carries no accessToken; unsafe requests with the cookie must come from the app's own origin.
             * @enum {string}
             */
            session?: "cookie";
        };
        SponsoredStudentResponse: {
            /** @description whole years on 1 January of this year (of the year the sponsorship ended, once it has): it never changes on her birthday; null once her record was reduced after her program */
            age: number | null;
            country: string;
            gradeLevel: string;
            /** Format: uuid */
            id: string;
            preferredName: string;
            schoolTown: string;
        };
        SponsorRef: {
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        SponsorshipPage: {
            items: components["schemas"]["SponsorshipResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        SponsorshipResponse: {
            commitment: components["schemas"]["CommitmentResponse"];
            createdAt: string;
            /** @description unpaid of the due dates so far (overdue included) */
            due: components["schemas"]["MoneyResponse"];
            /** @description every due date so far, oldest first */
            dues: components["schemas"]["DueResponse"][];
            /** Format: date */
            endDate: string | null;
            /** Format: date */
            endedOn: string | null;
            /** Format: uuid */
            id: string;
            /** @description null while the share_progress consent doesn't hold */
            latestReport: components["schemas"]["ReportResponse"] | null;
            /** Format: date */
            nextDueDate: string | null;
            /** @description unpaid 30 days or more after its due date */
            overdue: components["schemas"]["MoneyResponse"];
            /** @description this sponsorship's payments received in the current calendar year (UTC), per currency */
            paidThisYear: components["schemas"]["MoneyResponse"][];
            /** @description every payment of this sponsorship, per currency */
            paidToDate: components["schemas"]["MoneyResponse"][];
            /** @description this sponsorship's payments, newest first */
            payments: components["schemas"]["PaymentResponse"][];
            /** Format: uuid */
            programId: string;
            /**
             * Format: uuid
             * @description null once the sponsor erased their account
             */
            sponsorUserId: string | null;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "active" | "ended";
            student: components["schemas"]["SponsoredStudentResponse"];
        };
        StatementResponse: {
            commitment: components["schemas"]["CommitmentResponse"];
            /** @description payments received in the year, by date */
            payments: components["schemas"]["PaymentResponse"][];
            /** @description reports published in the year (none while consent doesn't hold) */
            reports: components["schemas"]["ReportResponse"][];
            /** Format: uuid */
            sponsorshipId: string;
            studentName: string;
            /** @description per currency */
            totals: components["schemas"]["MoneyResponse"][];
            year: number;
        };
        StatusDatesResponse: {
            graduatedAt: string | null;
            sponsoredAt: string | null;
            waitingSince: string | null;
            withdrawnAt: string | null;
        };
        StudentFundsResponse: {
            fullName: string;
            preferredName: string;
            /** Format: uuid */
            studentId: string;
            totals: components["schemas"]["FundsLineResponse"][];
        };
        StudentPage: {
            items: components["schemas"]["StudentResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        StudentResponse: {
            /** @description active sponsorships */
            activeSponsorships: number;
            annualNeed: components["schemas"]["MoneyResponse"];
            /**
             * Format: date
             * @description null once her record was reduced after her program (retention)
             */
            birthDate: string | null;
            /** @description every consent record, newest first */
            consents: components["schemas"]["ConsentResponse"][];
            country: string;
            createdAt: string;
            /** @description whole days since she started waiting; null unless waiting */
            daysWaiting: number | null;
            fullName: string;
            /** @description this year and the next */
            funding: components["schemas"]["FundingYearResponse"][];
            gradeLevel: string;
            guardian: components["schemas"]["GuardianDto"];
            /** Format: uuid */
            id: string;
            preferredName: string;
            /** Format: uuid */
            programId: string;
            region: string;
            school: components["schemas"]["SchoolDto"];
            /** @enum {string} */
            status: "waiting" | "sponsored" | "graduated" | "withdrawn";
            statusDates: components["schemas"]["StatusDatesResponse"];
            updatedAt: string;
        };
        StudentSponsorshipResponse: {
            commitment: components["schemas"]["CommitmentResponse"];
            createdAt: string;
            /** @description unpaid of the due dates so far (overdue included) */
            due: components["schemas"]["MoneyResponse"];
            /** @description every due date so far, oldest first */
            dues: components["schemas"]["DueResponse"][];
            /** Format: date */
            endDate: string | null;
            /** Format: date */
            endedOn: string | null;
            /** Format: uuid */
            id: string;
            /** @description null while the share_progress consent doesn't hold */
            latestReport: components["schemas"]["ReportResponse"] | null;
            /** Format: date */
            nextDueDate: string | null;
            /** @description unpaid 30 days or more after its due date */
            overdue: components["schemas"]["MoneyResponse"];
            /** @description this sponsorship's payments received in the current calendar year (UTC), per currency */
            paidThisYear: components["schemas"]["MoneyResponse"][];
            /** @description every payment of this sponsorship, per currency */
            paidToDate: components["schemas"]["MoneyResponse"][];
            /** @description this sponsorship's payments, newest first */
            payments: components["schemas"]["PaymentResponse"][];
            /** Format: uuid */
            programId: string;
            /** @description null once the sponsor erased their account */
            sponsor: components["schemas"]["SponsorRef"] | null;
            /**
             * Format: uuid
             * @description null once the sponsor erased their account
             */
            sponsorUserId: string | null;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "active" | "ended";
            student: components["schemas"]["SponsoredStudentResponse"];
        };
        SubjectDto: {
            /** @example A */
            grade: string;
            /** @example Mathematics */
            name: string;
        };
        TimelineDay: {
            /** @description registrations made that day that are cancelled now */
            cancelled: number;
            /** @description registrations made that day that are confirmed now */
            confirmed: number;
            /**
             * @description a day in the event's time zone
             * @example 2027-05-01
             */
            date: string;
            /** @description registrations made that day that are waitlisted now */
            waitlisted: number;
        };
        UnsubscribeResponse: {
            /** Format: uuid */
            eventId: string;
            /** @description the event's title in the asked language */
            eventTitle: string;
            /**
             * @description the language eventTitle is in
             * @enum {string}
             */
            locale: "en" | "zh-CN" | "ne";
            /** Format: uuid */
            registrationId: string;
            /**
             * Format: date-time
             * @description when the family unsubscribed (the first time, if more than once)
             */
            unsubscribedAt: string;
        };
        UpdateEventDto: {
            /** @description never below the seats taken (409) */
            capacity?: number;
            childAgeMax?: number | null;
            childAgeMin?: number | null;
            /**
             * @description the language the base fields are written in
             * @enum {string}
             */
            contentLocale?: "en" | "zh-CN" | "ne";
            description?: string;
            /**
             * Format: date-time
             * @example 2027-05-15T10:00:00+08:00
             */
            endsAt?: string;
            /** @enum {string} */
            format?: "in_person" | "online" | "hybrid";
            /** @enum {string} */
            kind?: "celebration" | "competition" | "program-session" | "webinar" | "workshop" | "forum" | "other";
            maxPartySize?: number;
            onlineUrl?: string | null;
            /** Format: uuid */
            programId?: string | null;
            questions?: components["schemas"]["QuestionDto"][];
            /**
             * Format: date-time
             * @example 2027-05-15T10:00:00+08:00
             */
            registrationClosesAt?: string | null;
            /**
             * Format: date-time
             * @example 2027-05-15T10:00:00+08:00
             */
            registrationOpensAt?: string | null;
            /** @description must stay unique; the title does not change it */
            slug?: string;
            /**
             * Format: date-time
             * @example 2027-05-15T10:00:00+08:00
             */
            startsAt?: string;
            summary?: string;
            /** @example Asia/Shanghai */
            timezone?: string;
            title?: string;
            /** @description title, summary, description and venue in other locales (each field optional: a reader gets the base field where one is missing). Not the content language, which the base fields are written in. Locale by locale: a locale given replaces its translation whole, null removes it, a locale left out stays. */
            translations?: components["schemas"]["EventTranslationsDto"];
            venue?: string | null;
            waitlistEnabled?: boolean;
        };
        UpdateMeDto: {
            /**
             * @description the language of the web app and of every mail to this account
             * @enum {string}
             */
            locale?: "en" | "zh-CN" | "ne";
            /** @example Mei Chen */
            name?: string;
        };
        UpdateMemberDto: {
            /** Format: date */
            birthDate?: string;
            name?: string;
            /** @enum {string} */
            relationship?: "self" | "partner" | "child" | "parent" | "grandparent" | "sibling" | "other";
        };
        UpdateRegistrationDto: {
            /** @description the whole new party (replaces the old one) */
            attendees: components["schemas"]["AttendeeDto"][];
        };
        UpdateStudentDto: {
            annualNeed?: components["schemas"]["MoneyDto"];
            /** Format: date */
            birthDate?: string;
            country?: string;
            fullName?: string;
            gradeLevel?: string;
            guardian?: components["schemas"]["GuardianDto"];
            preferredName?: string;
            region?: string;
            school?: components["schemas"]["SchoolDto"];
            /**
             * @description waiting → sponsored (needs an active sponsorship) or withdrawn; sponsored → graduated, withdrawn (both end her sponsorships) or waiting (once none is active); other moves: 409 invalid_transition
             * @enum {string}
             */
            status?: "waiting" | "sponsored" | "graduated" | "withdrawn";
        };
        UserPage: {
            items: components["schemas"]["UserResponse"][];
            limit: number;
            page: number;
            total: number;
        };
        UserResponse: {
            createdAt: string;
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "en" | "zh-CN" | "ne";
            name: string;
            roles: ("family" | "organizer" | "sponsor" | "admin")[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    PrivacyController_erasures: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every erasure, newest first: who asked and how much went */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRecordPage"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    PrivacyController_eraseOnRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminErasureDto"];
            };
        };
        responses: {
            /** @description for someone who cannot sign in: the account with this email and the registrations made without an account under it are erased as DELETE /me would; recorded without the email */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description invalid_transition: the account created events, programs or students
             *
             *     idempotency_in_flight: the first request with this Idempotency-Key is still being processed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated: wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description rate_limited: too many failures for this email from this address, from this address, or for this email */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the browser's session cookie is cleared (bearer tokens are not affected) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPasswordResetDto"];
            };
        };
        responses: {
            /** @description always, whether or not the email has an account and whether or not its hourly limit is reached; a mail follows only for an account within the limit */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetAccepted"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    AuthController_confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmPasswordResetDto"];
            };
        };
        responses: {
            /** @description the password is changed; every access token issued before stops working, so log in again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description invalid_request: malformed JSON, unknown or bad fields
             *
             *     invalid_request: the token is invalid, already used or expired (errors[].field "token"), or the password is too short or too long
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    AuthController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the signed-in account, or null for a visitor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
        };
    };
    AuthController_signup: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description email_taken: the email has an account
             *
             *     idempotency_in_flight: the first request with this Idempotency-Key is still being processed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description rate_limited: too many signups from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                format?: "in_person" | "online" | "hybrid";
                /** @description events starting at or after: a date (its start, UTC) or a date and time with an offset */
                from?: string;
                kind?: "celebration" | "competition" | "program-session" | "webinar" | "workshop" | "forum" | "other";
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
                limit?: number;
                /** @description true: the events the caller organizes (all of them for an admin), drafts and cancelled ones included, upcoming first by start, then past ones, latest first; needs the organizer or admin role */
                mine?: "true" | "false";
                page?: number;
                programId?: string;
                /** @description matches title, summary or venue, in any of the event’s languages */
                q?: string;
                /** @description events starting at or before: a date (its whole day, UTC) or a date and time with an offset */
                to?: string;
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description published events, upcoming and past, by start; with mine=true the caller’s own events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description invalid_request: a bad filter, page, limit or lang */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated: mine=true without a sign-in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: mine=true from a caller without the organizer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_create: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventDto"];
            };
        };
        responses: {
            /** @description a draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or programId names a program they do not organize
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_update: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEventDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to change
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: the event is cancelled or completed; capacity_below_taken: capacity would drop below the seats taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_cancel: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: a lang Kinship does not speak */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to change
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: the event is cancelled or completed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    CheckInController_list: {
        parameters: {
            query?: {
                /** @description the `syncedAt` of the device's last list: only the registrations changed since then come back (a little before it, so a change still being written then is not missed; the device replaces each by id) */
                since?: string;
            };
            header?: {
                /** @description the ETag of the list the device holds */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description with an ETag; no e-mail, phone or birth date */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInListResponse"];
                };
            };
            /** @description the list the device holds (for the same `since`) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request: a since that is no ISO 8601 time */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: not one of the event's organizers
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInDto"];
            };
        };
        responses: {
            /** @description the registration, its attendees (or those named) checked in; a repeat answers the same */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event, or a registration with this code is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_checkable: the registration is waitlisted or cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_undoCheckIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the check-in code; any case, dashes ignored */
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the registration, none of its attendees checked in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event, or a registration with this code is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    CheckInController_batch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInBatchDto"];
            };
        };
        responses: {
            /** @description an outcome per item; sending the same items again changes nothing (each answers duplicate) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInBatchResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: not one of the event's organizers
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_message: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageDto"];
            };
        };
        responses: {
            /** @description a mail to each active (confirmed or waitlisted) registration follows, in its language */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageAccepted"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description invalid_transition: the event is a draft or cancelled
             *
             *     idempotency_in_flight: the first request with this Idempotency-Key is still being processed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_previewMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageDto"];
            };
        };
        responses: {
            /** @description the message as each language’s mail would read; nothing is sent or queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreviewResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_setOrganizers: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetOrganizersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller is neither the event's creator nor an admin
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_publish: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: the event fails a rule and cannot be published */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to change
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: only a draft can be published */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description matches (case-insensitively, anywhere) the contact name or email, an attendee name or the check-in code */
                q?: string;
                status?: "confirmed" | "waitlisted" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description in request order, with live waitlist positions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationPage"];
                };
            };
            /** @description invalid_request: a bad status, q, page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    RegistrationsController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRegistrationDto"];
            };
        };
        responses: {
            /** @description confirmed, or waitlisted whole; guests get their manageToken */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description event_full, already_registered, registration_closed
             *
             *     idempotency_in_flight: the first request with this Idempotency-Key is still being processed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description ineligible: party size, child ages, consents, required answers
             *
             *     idempotency_key_reused: this Idempotency-Key came before with a different body
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description rate_limited: too many registrations from one address (per minute, or for one event per hour) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_mails: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path: {
                id: string;
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the mails written to this family, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationMailPage"];
                };
            };
            /** @description invalid_request: a bad page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event, or a registration of it is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_export: {
        parameters: {
            query?: {
                /** @description active: confirmed and waitlisted; all: cancelled too */
                status?: "active" | "confirmed" | "waitlisted" | "cancelled" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a row per attendee (UTF-8 with a BOM), streamed; cells that a spreadsheet would run as a formula start with an apostrophe */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description invalid_request: a bad status */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_stats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventStatsResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    OrganizerRegistrationsController_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description for the dashboard's chart of registrations over time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTimelineResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or the event is visible but not theirs to manage
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    EventsController_get: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                /** @description the event id or its slug */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description invalid_request: a lang Kinship does not speak */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the event (a draft is visible only to its organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    MailSuppressionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description part of the address, any case */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description addresses that get no optional mail, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailSuppressionPage"];
                };
            };
            /** @description invalid_request: a bad filter, page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    MailSuppressionsController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description lifted: organizer messages and reminders reach the address again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the suppression is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    PrivacyController_eraseMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseAccountDto"];
            };
        };
        responses: {
            /** @description the account, its household and its sessions are gone; its registrations keep their counts without any personal field (active ones cancelled first); its mail is purged; a sponsor’s payments stay without the name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: the password is wrong (nothing changed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: the account created events, programs or students (an admin hands them over first) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description rate_limited: too many wrong passwords */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    UsersController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    PrivacyController_export: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description everything Kinship holds about the account, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataExport"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    HouseholdsController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    HouseholdsController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    HouseholdsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the member is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    HouseholdsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the member (another family's members are not found) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    FamilyRegistrationsController_mine: {
        parameters: {
            query?: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
                limit?: number;
                page?: number;
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller's registrations, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyRegistrationPage"];
                };
            };
            /** @description invalid_request: a bad page, limit or lang */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    MySponsorshipsController_mine: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller's own sponsorships, active first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipPage"];
                };
            };
            /** @description invalid_request: a bad page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description a mail kind, or fanout.<kind> */
                kind?: "account.welcome" | "account.password_reset" | "registration.confirmed" | "registration.waitlisted" | "registration.promoted" | "registration.changed" | "registration.cancelled" | "registration.manage_link" | "registration.reminder" | "event.changed" | "event.cancelled" | "event.message" | "sponsorship.payment_due" | "sponsorship.report_published" | "sponsorship.annual_statement" | "fanout.account.welcome" | "fanout.account.password_reset" | "fanout.registration.confirmed" | "fanout.registration.waitlisted" | "fanout.registration.promoted" | "fanout.registration.changed" | "fanout.registration.cancelled" | "fanout.registration.manage_link" | "fanout.registration.reminder" | "fanout.event.changed" | "fanout.event.cancelled" | "fanout.event.message" | "fanout.sponsorship.payment_due" | "fanout.sponsorship.report_published" | "fanout.sponsorship.annual_statement";
                limit?: number;
                page?: number;
                /** @description the whole recipient address, any case */
                recipient?: string;
                status?: "pending" | "sending" | "sent" | "failed" | "skipped" | "suppressed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the outbox, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description invalid_request: a bad status, kind, recipient, page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    NotificationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the row and its status history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDetail"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the notification is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    NotificationsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the row, pending and due now, attempts reset */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the notification is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: only a failed notification can be retried */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramsController_list: {
        parameters: {
            query?: {
                kind?: "events" | "sponsorship";
                limit?: number;
                /** @description true: the programs the caller organizes (created or co-organizes; all of them for an admin); needs the organizer or admin role */
                mine?: "true" | "false";
                page?: number;
                /** @description matches name or description */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description by name; with mine=true the caller’s own programs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPage"];
                };
            };
            /** @description invalid_request: a bad filter, page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated: mine=true without a sign-in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: mine=true from a caller without the organizer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgramDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramResponse"];
                };
            };
            /** @description not_found: the program is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramFundsController_funds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description per student and for the program: committed, received, disbursed, balance, per currency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundsResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or they do not organize the program
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the program is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramsController_setOrganizers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetOrganizersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller is neither the program's creator nor an admin
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the program is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    ProgramsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description families and persons registered and checked in, children, per event and in total */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramReportResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: not one of the program's organizers
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the program is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    RegistrationsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description a guest's manage token */
                "x-manage-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationResponse"];
                };
            };
            /** @description not_found: the registration (or not yours) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    RegistrationsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description a guest's manage token */
                "x-manage-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRegistrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the registration (or not yours) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description event_full (no seats for more persons), invalid_transition, registration_closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description ineligible */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    RegistrationsController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description a guest's manage token */
                "x-manage-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description cancelled (a second cancel answers the same) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationResponse"];
                };
            };
            /** @description not_found: the registration (or not yours) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    PrivacyController_eraseRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description a guest's manage token */
                "x-manage-token"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the registration keeps its counts without any personal field (cancelled first if active; its mail purged); the manage link stops working */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResponse"];
                };
            };
            /** @description forbidden: organizers do not erase a family’s data */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the registration (or not yours) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    RegistrationsController_revokeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the guest's manage link and token stop working (no mail; the guest may ask for a new link) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: only the event’s organizers and admins revoke links */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the registration (or not yours) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    FamilyRegistrationsController_resendLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendLinkDto"];
            };
        };
        responses: {
            /** @description always, whether or not the email holds an active registration for the event and whether or not its hourly limit is reached; a mail follows only when it does, within the limit. A guest's mail carries a new token: links sent before stop working */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResendLinkAccepted"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSponsorshipDto"];
            };
        };
        responses: {
            /** @description a waiting student becomes sponsored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description forbidden: the caller's role may not act, or programId names a program they do not organize
             *
             *     forbidden: role may not act
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /**
             * @description invalid_transition: the student has graduated or was withdrawn
             *
             *     idempotency_in_flight: the first request with this Idempotency-Key is still being processed
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship (visible to its sponsor, the program’s organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ended today; its history stays */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorshipResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship (managed by the program’s organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: ended already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship (managed by the program’s organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_reports: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the student's published reports, oldest first; none while her share_progress consent does not hold */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPage"];
                };
            };
            /** @description invalid_request: a bad page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship (visible to its sponsor, the program’s organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship, or a published report of its student while her share_progress consent holds is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    SponsorshipsController_statement: {
        parameters: {
            query: {
                format?: "json" | "csv";
                year: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV (UTF-8 with a BOM) with format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementResponse"];
                    "text/csv": components["schemas"]["StatementResponse"];
                };
            };
            /** @description invalid_request: a bad year or format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                    "text/csv": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                    "text/csv": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the sponsorship (visible to its sponsor, the program’s organizers and admins) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                    "text/csv": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_list: {
        parameters: {
            query?: {
                /** @description her grade level, exactly (any case) */
                grade?: string;
                limit?: number;
                page?: number;
                programId?: string;
                /** @description part of her full or preferred name */
                q?: string;
                /** @description waiting: longest waiting first */
                status?: "waiting" | "sponsored" | "graduated" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description students of the caller's programs; status=waiting: longest waiting first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentPage"];
                };
            };
            /** @description invalid_request: a bad filter, page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStudentDto"];
            };
        };
        responses: {
            /** @description she starts waiting for a sponsor */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: the caller's role may not act, or programId names a program they do not organize */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStudentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: a status move the rules do not allow */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_audit: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description who changed her record, what and when; newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description invalid_request: a bad page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_grantConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_withdrawConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                purpose: "share_progress" | "photos";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every record of that purpose, now withdrawn; effective at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentResponse"][];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student, or the purpose is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: no consent of that purpose to withdraw */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_disbursementsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description what was paid out for her, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementResponse"][];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_disburse: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDisbursementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_reportsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description her progress reports, drafts included, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"][];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_createReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, unique per attempt (a random uuid is best), kept 24 h per caller and endpoint. A retry with the same key and the same JSON body (key order aside) gets the first answer again, status and body, with the header Idempotent-Replayed: true. A 400 (bad fields), 429 or 5xx answer is not kept: fix and retry under the same key. A bad value is a 400 invalid_request. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportDto"];
            };
        };
        responses: {
            /** @description a draft, unless published is true */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_in_flight: the first request with this Idempotency-Key is still being processed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description idempotency_key_reused: this Idempotency-Key came before with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_publishReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description mails each active sponsor while share_progress holds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportResponse"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student or the report is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description invalid_transition: published already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    StudentsController_sponsorshipsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every sponsorship of hers, active first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentSponsorshipResponse"][];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the student (visible to her program’s organizers and admins only) is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description matches email or name */
                q?: string;
                role?: "family" | "organizer" | "sponsor" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    UsersController_setRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRolesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description invalid_request: malformed JSON, unknown or bad fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description forbidden: role may not act */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the user is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Postgres and Redis answer
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /**
             * @description Postgres or Redis does not answer
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
    UnsubscribeController_unsubscribe: {
        parameters: {
            query: {
                /** @description the language to answer in; wins over Accept-Language and the account locale. zh is zh-CN. */
                lang?: "en" | "zh-CN" | "ne" | "zh";
                /** @description the link's signature, from the mail */
                token: string;
            };
            header?: {
                /** @description used when ?lang= is absent: the best of en, zh-CN and ne; else the account locale, else the content language */
                "Accept-Language"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description unsubscribed (now or before) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsubscribeResponse"];
                };
            };
            /** @description invalid_request: no token, or a bad lang */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description not_found: the registration, or a link whose signature does not match it is absent or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
}

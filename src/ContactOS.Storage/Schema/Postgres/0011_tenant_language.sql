-- The tenant's default language (a BCP-47 primary tag such as 'en' or 'es'): what its dashboard speaks until a user
-- picks another. Existing tenants speak English, as before.
ALTER TABLE contactos_tenants ADD COLUMN language text NOT NULL DEFAULT 'en';

/* test-fixtures.h: a small valid catalog shared by the core tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define TEST_CATALOG \
  "[Catalog]\n" \
  "Format=1\n" \
  "Version=3\n" \
  "Published=2026-11-29\n" \
  "Name=Test catalog\n" \
  "Name[fr]=Catalogue de test\n" \
  "\n" \
  "[Region eu]\n" \
  "Name=European Union\n" \
  "Name[fr]=Union européenne\n" \
  "Description=You can object.\n" \
  "Description[fr]=Vous pouvez vous opposer.\n" \
  "\n" \
  "[Region other]\n" \
  "Name=Elsewhere\n" \
  "Description=There is no form.\n" \
  "\n" \
  "[App facebook]\n" \
  "Name=Facebook\n" \
  "Description=Posts and photos.\n" \
  "Description[fr]=Publications et photos.\n" \
  "\n" \
  "[App instagram]\n" \
  "Name=Instagram\n" \
  "Description=Posts.\n" \
  "\n" \
  "[Step facebook-object]\n" \
  "App=facebook\n" \
  "Title[fr]=S’opposer\n" \
  "Title=Object\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu\n" \
  "PerAccount=true\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=180\n" \
  "Url=https://www.facebook.com/help/contact/6359191084165019\n" \
  "FallbackUrls=https://www.facebook.com/help/contact/712876720715583;\n" \
  "Caveats=Going forward only.\\nOthers' posts may still be used.\n" \
  "ObjectionText=I object to Meta using my information for AI.\n" \
  "Sources=https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/;\n" \
  "\n" \
  "[Step facebook-audience]\n" \
  "App=facebook\n" \
  "Title=Limit audience\n" \
  "Description=Friends only.\n" \
  "Kind=setting\n" \
  "Regions=all\n" \
  "PerAccount=true\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=90\n" \
  "Sources=https://www.facebook.com/privacy/center;\n" \
  "\n" \
  "[Step instagram-info]\n" \
  "App=instagram\n" \
  "Title=Know this\n" \
  "Description=Something to know.\n" \
  "Kind=information\n" \
  "Regions=eu;other\n" \
  "PerAccount=false\n" \
  "Confidence=low\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=365\n" \
  "Sources=https://privacycenter.instagram.com/privacy/genai;\n" \
  "\n" \
  "[Changes 3]\n" \
  "Summary=The Facebook form moved.\n" \
  "Summary[fr]=Le formulaire de Facebook a changé d’adresse.\n" \
  "Steps=facebook-object;\n"

/* Format 2: Scope= instead of PerAccount=, a step done once for every
 * account in Accounts Center, and SameAs=: Instagram's copy of the Accounts
 * Center setting and Threads' objection take their state from another step. */
#define TEST_CATALOG_V2 \
  "[Catalog]\n" \
  "Format=2\n" \
  "Version=4\n" \
  "Published=2026-12-02\n" \
  "Name=Test catalog\n" \
  "SenderDomains=facebookmail.com;\n" \
  "\n" \
  "[Region eu]\n" \
  "Name=European Union\n" \
  "Description=You can object.\n" \
  "\n" \
  "[Region other]\n" \
  "Name=Elsewhere\n" \
  "Description=There is no form.\n" \
  "\n" \
  "[App facebook]\n" \
  "Name=Facebook\n" \
  "Description=Posts.\n" \
  "\n" \
  "[App instagram]\n" \
  "Name=Instagram\n" \
  "Description=Posts.\n" \
  "\n" \
  "[App threads]\n" \
  "Name=Threads\n" \
  "Description=Posts.\n" \
  "\n" \
  "[Step instagram-object]\n" \
  "App=instagram\n" \
  "Title=Object on Instagram\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu\n" \
  "Scope=account\n" \
  "Confidence=high\n" \
  "LastVerified=2026-12-02\n" \
  "LinkChecked=2026-12-01\n" \
  "RecheckDays=180\n" \
  "AnswerMonths=1\n" \
  "Url=https://help.instagram.com/contact/233964459562201\n" \
  "Sources=https://help.instagram.com/contact/233964459562201;\n" \
  "\n" \
  "[Step facebook-activity]\n" \
  "App=facebook\n" \
  "Title=Activity from other businesses\n" \
  "Description=One setting in Accounts Center.\n" \
  "Kind=setting\n" \
  "Regions=all\n" \
  "Scope=accounts-center\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-02\n" \
  "RecheckDays=90\n" \
  "SourceNotes=techpp.com.\n" \
  "\n" \
  "[Step instagram-activity]\n" \
  "App=instagram\n" \
  "Title=Activity from other businesses\n" \
  "Description=One setting in Accounts Center.\n" \
  "Kind=setting\n" \
  "Regions=all\n" \
  "Scope=accounts-center\n" \
  "SameAs=facebook-activity\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-02\n" \
  "RecheckDays=90\n" \
  "SourceNotes=techpp.com.\n" \
  "\n" \
  "[Step threads-object]\n" \
  "App=threads\n" \
  "Title=Object for Threads\n" \
  "Description=Through Instagram.\n" \
  "Kind=form\n" \
  "Regions=eu\n" \
  "Scope=app\n" \
  "SameAs=instagram-object\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-02\n" \
  "RecheckDays=180\n" \
  "Url=https://help.instagram.com/contact/233964459562201\n" \
  "Sources=https://help.instagram.com/contact/233964459562201;\n" \
  "\n" \
  "[Step instagram-complain]\n" \
  "App=instagram\n" \
  "Title=Complain\n" \
  "Description=If refused.\n" \
  "Kind=information\n" \
  "Regions=eu\n" \
  "Scope=app\n" \
  "OnlyIf=refused-or-overdue:instagram-object;\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-02\n" \
  "RecheckDays=365\n" \
  "Sources=https://www.cnil.fr/fr/plaintes;\n" \
  "\n" \
  "[Changes 4 activity]\n" \
  "Summary=One setting for all accounts.\n" \
  "Steps=facebook-activity;\n" \
  "\n" \
  "[Changes 4 objection]\n" \
  "Summary=The objection text changed.\n" \
  "Steps=instagram-object;\n"

/* Format 3: a letter per region (ObjectionText-REGION), and one complaint
 * per region for every objection (App= listing both apps, Kind=complaint),
 * taking over the record of the per-app complaints it replaces. */
#define TEST_CATALOG_V3 \
  "[Catalog]\n" \
  "Format=3\n" \
  "Version=5\n" \
  "Published=2026-12-02\n" \
  "Name=Test catalog\n" \
  "\n" \
  "[Region eu]\n" \
  "Name=European Union\n" \
  "Description=You can object.\n" \
  "\n" \
  "[Region uk]\n" \
  "Name=United Kingdom\n" \
  "Description=You can object.\n" \
  "\n" \
  "[Region other]\n" \
  "Name=Elsewhere\n" \
  "Description=There is no form.\n" \
  "\n" \
  "[App facebook]\n" \
  "Name=Facebook\n" \
  "Description=Posts.\n" \
  "\n" \
  "[App instagram]\n" \
  "Name=Instagram\n" \
  "Description=Posts.\n" \
  "\n" \
  "[Step facebook-object]\n" \
  "Essential=true\n" \
  "App=facebook\n" \
  "Title=Object on Facebook\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu;uk;\n" \
  "Scope=account\n" \
  "Confidence=high\n" \
  "LastVerified=2026-12-01\n" \
  "RecheckDays=180\n" \
  "AnswerMonths=1\n" \
  "Url=https://www.facebook.com/help/contact/6359191084165019\n" \
  "ObjectionText-eu=I object under Article 21 of the GDPR.\n" \
  "ObjectionText-eu[fr]=Je m’oppose en vertu de l’article 21 du RGPD.\n" \
  "ObjectionText-uk=I object under Article 21 of the UK GDPR.\n" \
  "ObjectionText-uk[fr]=Je m’oppose en vertu de l’article 21 du UK GDPR.\n" \
  "Sources=https://www.facebook.com/privacy/center;\n" \
  "\n" \
  "[Step instagram-object]\n" \
  "Essential=true\n" \
  "App=instagram\n" \
  "Title=Object on Instagram\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu;\n" \
  "Scope=account\n" \
  "Confidence=high\n" \
  "LastVerified=2026-12-01\n" \
  "RecheckDays=180\n" \
  "AnswerMonths=1\n" \
  "Url=https://help.instagram.com/contact/233964459562201\n" \
  "ObjectionText=I object under Article 21 of the GDPR.\n" \
  "Sources=https://privacycenter.instagram.com/privacy/genai;\n" \
  "\n" \
  "[Step complain-cnil]\n" \
  "App=facebook;instagram;\n" \
  "Title=Complain to the CNIL\n" \
  "Description=If Meta refuses or does not answer.\n" \
  "Kind=complaint\n" \
  "Regions=eu;\n" \
  "Scope=app\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-01\n" \
  "RecheckDays=365\n" \
  "OnlyIf=refused-or-overdue:facebook-object;refused-or-overdue:instagram-object;\n" \
  "Replaces=facebook-complain;instagram-complain;\n" \
  "Url=https://www.cnil.fr/fr/plaintes\n" \
  "FallbackUrls=https://www.edpb.europa.eu/about-edpb/about-edpb/members_en;\n" \
  "Sources=https://www.cnil.fr/fr/plaintes;\n" \
  "\n" \
  "[Step complain-uk]\n" \
  "App=facebook;instagram;\n" \
  "Title=Complain to Meta, then to the ICO\n" \
  "Description=If Meta refuses or does not answer.\n" \
  "Kind=complaint\n" \
  "Regions=uk;\n" \
  "Scope=app\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-12-01\n" \
  "RecheckDays=365\n" \
  "OnlyIf=refused-or-overdue:facebook-object;\n" \
  "Url=https://ico.org.uk/make-a-complaint/\n" \
  "Sources=https://ico.org.uk/make-a-complaint/;\n"

/* test-record-fixtures.h: a catalog with answer periods, conditional steps
 * and Meta's sending domains, for the record, deadline and evidence tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define TEST_RECORD_CATALOG \
  "[Catalog]\n" \
  "Format=1\n" \
  "Version=5\n" \
  "Published=2026-11-29\n" \
  "Name=Test catalog\n" \
  "Name[fr]=Catalogue de test\n" \
  "SenderDomains=facebookmail.com;mail.instagram.com;\n" \
  "ConfirmationPhrases=will honour your objection;we will apply it to your;nous l’honorerons;\n" \
  "RefusalPhrases=unable to honour;ne pouvons pas donner suite;\n" \
  "\n" \
  "[Region eu]\n" \
  "Name=European Union\n" \
  "Name[fr]=Union européenne\n" \
  "Description=You can object.\n" \
  "\n" \
  "[Region other]\n" \
  "Name=Elsewhere\n" \
  "Name[fr]=Ailleurs\n" \
  "Description=There is no form.\n" \
  "\n" \
  "[App facebook]\n" \
  "Name=Facebook\n" \
  "Description=Posts and photos.\n" \
  "\n" \
  "[App instagram]\n" \
  "Name=Instagram\n" \
  "Description=Posts.\n" \
  "\n" \
  "[Step facebook-object]\n" \
  "Essential=true\n" \
  "App=facebook\n" \
  "Title=Object\n" \
  "Title[fr]=S’opposer\n" \
  "RecordTitle=Objection to AI training\n" \
  "RecordTitle[fr]=Opposition à l’entraînement de l’IA\n" \
  "ObjectionText=I object to AI training.\\nPlease confirm by email.\n" \
  "ObjectionText[fr]=Je m’oppose à l’entraînement de l’IA.\\nMerci de confirmer par e-mail.\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu\n" \
  "PerAccount=true\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=180\n" \
  "AnswerMonths=1\n" \
  "Url=https://www.facebook.com/help/contact/6359191084165019\n" \
  "Sources=https://www.facebook.com/privacy/center;\n" \
  "\n" \
  "[Step facebook-audience]\n" \
  "App=facebook\n" \
  "Title=Limit audience\n" \
  "RecordTitle=Audience of posts\n" \
  "RecordTitle[fr]=Public des publications\n" \
  "Description=Friends only.\n" \
  "Kind=setting\n" \
  "Regions=all\n" \
  "PerAccount=true\n" \
  "Confidence=medium\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=90\n" \
  "Sources=https://www.facebook.com/privacy/center;\n" \
  "\n" \
  "[Step facebook-complain]\n" \
  "App=facebook\n" \
  "Title=Complain to your regulator\n" \
  "Title[fr]=Porter plainte\n" \
  "Description=If Meta refuses or does not answer.\n" \
  "Kind=information\n" \
  "Regions=eu\n" \
  "PerAccount=false\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=365\n" \
  "OnlyIf=refused-or-overdue:facebook-object;\n" \
  "Sources=https://www.cnil.fr/fr/plaintes;\n" \
  "\n" \
  "[Step instagram-object]\n" \
  "Essential=true\n" \
  "App=instagram\n" \
  "Title=Object on Instagram\n" \
  "Description=Send the form.\n" \
  "Kind=form\n" \
  "Regions=eu\n" \
  "PerAccount=true\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=180\n" \
  "AnswerMonths=2\n" \
  "Url=https://help.instagram.com/contact/767264225370182\n" \
  "Sources=https://privacycenter.instagram.com/privacy/genai;\n" \
  "\n" \
  "[Step instagram-know]\n" \
  "App=instagram\n" \
  "Title=Know this\n" \
  "RecordTitle=Something to know\n" \
  "Description=Only to know.\n" \
  "Kind=information\n" \
  "Regions=all\n" \
  "PerAccount=false\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=365\n" \
  "Sources=https://about.instagram.com/know;\n" \
  "\n" \
  "[Step instagram-complain]\n" \
  "App=instagram\n" \
  "Title=Complain about Instagram\n" \
  "Description=If Meta refuses or does not answer.\n" \
  "Kind=information\n" \
  "Regions=eu\n" \
  "PerAccount=true\n" \
  "Confidence=high\n" \
  "LastVerified=2026-10-02\n" \
  "RecheckDays=365\n" \
  "OnlyIf=refused-or-overdue:instagram-object;\n" \
  "Sources=https://www.cnil.fr/fr/plaintes;\n"
